sales = [("ana", 12000), ("ben", 4000), ("ana", 30000), ("cy", 51000), ("ben", 9500)]
tiers = [(50000, 0.10), (20000, 0.07), (0, 0.05)]
totals = {}
for rep, amt in sales:
    totals[rep] = totals.get(rep, 0) + amt
for rep, total in totals.items():
    rate = next(r for floor, r in tiers if total >= floor)
    print("%-4s sold %7s -> %4.0f%% = %9.2f" % (rep, "{:,}".format(total), rate * 100, total * rate))
