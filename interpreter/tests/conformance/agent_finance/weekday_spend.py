txns = [("Mon", 12), ("Tue", 40), ("Mon", 8), ("Sat", 120), ("Sun", 65), ("Sat", 30), ("Wed", 5)]
order = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
per_day = dict.fromkeys(order, 0)
for day, amt in txns:
    per_day[day] += amt
weekend = per_day["Sat"] + per_day["Sun"]
for day in order:
    print(day, str(per_day[day]).rjust(4), "|" * (per_day[day] // 10))
print("weekend share: %d%%" % (100 * weekend // sum(per_day.values())))
