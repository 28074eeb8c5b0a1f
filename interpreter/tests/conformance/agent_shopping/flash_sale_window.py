sales = [("shoes", "10:00", "12:00", 0.3), ("bags", "11:30", "11:45", 0.5), ("hats", "14:00", "18:00", 0.2)]
def minutes(t):
    h, m = t.split(":")
    return int(h) * 60 + int(m)
for now in ("11:40", "13:00", "17:59"):
    live = [(item, pct) for item, s, e, pct in sales if minutes(s) <= minutes(now) < minutes(e)]
    desc = ", ".join(f"{item} -{pct:.0%}" for item, pct in live) or "nothing on sale"
    print(f"{now}: {desc}")
