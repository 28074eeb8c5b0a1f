spend = [("acme", 1200), ("globex", 300), ("acme", 450), ("initech", 980), ("globex", 1300), ("umbrella", 50)]
totals = {}
for vendor, amt in spend:
    totals[vendor] = totals.get(vendor, 0) + amt
ranking = sorted(totals, key=lambda v: totals[v], reverse=True)
for rank, vendor in enumerate(ranking, 1):
    print("%d. %-9s %6d" % (rank, vendor, totals[vendor]))
top2 = sum(totals[v] for v in ranking[:2])
print("top 2 share: %.1f%%" % (100 * top2 / sum(totals.values())))
