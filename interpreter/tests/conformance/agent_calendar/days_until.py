def ordinal(date):
    y, m, d = map(int, date.split("-"))
    days_in = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return sum(days_in[:m - 1]) + d
today = "2024-03-10"
deadlines = {"taxes": "2024-04-15", "report": "2024-03-12", "renewal": "2024-12-31", "past": "2024-02-01"}
for name, date in sorted(deadlines.items(), key=lambda kv: kv[1]):
    delta = ordinal(date) - ordinal(today)
    when = "overdue by %d days" % -delta if delta < 0 else "in %d days" % delta
    print(f"{name:<8} {date} {when}")
