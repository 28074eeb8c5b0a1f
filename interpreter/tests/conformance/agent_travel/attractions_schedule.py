attractions = [("Louvre", 3.0, 9), ("Eiffel Tower", 2.0, 9.5), ("Orsay", 2.5, 9.5), ("Montmartre", 1.5, 10), ("Seine cruise", 1.0, 8)]
hours_available = 8
plan, used = [], 0.0
for name, hours, rating in sorted(attractions, key=lambda a: -a[2] / a[1]):
    if used + hours <= hours_available:
        plan.append(name)
        used += hours
print("plan:", plan)
print("hours used: %.1f of %d" % (used, hours_available))
print("skipped:", [a[0] for a in attractions if a[0] not in plan])
