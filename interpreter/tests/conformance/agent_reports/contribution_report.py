commits = [("ana", 120, 30), ("ben", 15, 200), ("ana", 40, 12), ("cy", 300, 280), ("ben", 60, 5)]
totals = {}
for who, added, removed in commits:
    a, r, c = totals.get(who, (0, 0, 0))
    totals[who] = (a + added, r + removed, c + 1)
print("%-5s %7s %7s %4s" % ("who", "+", "-", "n"))
for who, (a, r, c) in sorted(totals.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
    print("%-5s %+7d %7d %4d" % (who, a, -r, c))
