meetings = [("Standup", "09:00", "PST"), ("Board", "16:30", "GMT"), ("Sync", "23:45", "CET")]
offsets = {"PST": -8, "EST": -5, "GMT": 0, "CET": 1}
target = "EST"
for title, t, tz in meetings:
    h, m = map(int, t.split(":"))
    total = (h - offsets[tz] + offsets[target]) * 60 + m
    day_shift, total = divmod(total, 24 * 60)
    note = "" if day_shift == 0 else " (%+d day)" % day_shift
    print("%-8s %s %s -> %02d:%02d %s%s" % (title, t, tz, total // 60, total % 60, target, note))
