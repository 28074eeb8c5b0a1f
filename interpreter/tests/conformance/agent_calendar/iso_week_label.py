dates = ["2024-01-03", "2024-01-10", "2024-02-14", "2024-03-01"]
month_days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
for d in dates:
    y, m, day = map(int, d.split("-"))
    doy = sum(month_days[:m - 1]) + day
    week = (doy - 1) // 7 + 1
    print("%s day-of-year %3d week %02d" % (d, doy, week))
