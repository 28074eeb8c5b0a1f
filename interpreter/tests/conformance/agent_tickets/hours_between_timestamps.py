pairs = [("2024-05-01T09:15", "2024-05-01T17:45"), ("2024-05-01T22:00", "2024-05-02T06:30"), ("2024-04-30T23:59", "2024-05-03T00:01")]
def to_minutes(ts):
    date, time = ts.split("T")
    y, m, d = map(int, date.split("-"))
    hh, mm = map(int, time.split(":"))
    day = {4: 0, 5: 30}[m] + d
    return (day * 24 + hh) * 60 + mm
for a, b in pairs:
    delta = to_minutes(b) - to_minutes(a)
    print(f"{a} -> {b}: {delta // 60}h {delta % 60:02d}m")
