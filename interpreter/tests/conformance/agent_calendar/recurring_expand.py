def expand(start_day, every, count, title):
    return [(start_day + i * every, title) for i in range(count)]
events = expand(1, 7, 4, "Team sync") + expand(3, 14, 2, "Payroll") + expand(5, 10, 3, "Backup check")
by_day = {}
for day, title in events:
    by_day.setdefault(day, []).append(title)
for day in sorted(by_day):
    print("day %2d: %s" % (day, " + ".join(by_day[day])))
print("busiest:", max(by_day, key=lambda d: len(by_day[d])))
