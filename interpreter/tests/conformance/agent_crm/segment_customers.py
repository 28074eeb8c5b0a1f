customers = [("c1", 12, 2400.0), ("c2", 1, 35.5), ("c3", 5, 600.0), ("c4", 30, 9100.0), ("c5", 2, 90.0)]
segments = {}
for cid, orders, spend in customers:
    if orders >= 10 and spend >= 2000:
        seg = "vip"
    elif orders >= 3:
        seg = "regular"
    else:
        seg = "new"
    segments.setdefault(seg, []).append((cid, spend))
for seg in ("vip", "regular", "new"):
    members = segments.get(seg, [])
    avg = sum(s for _, s in members) / len(members) if members else 0
    print("%-8s %d customers, avg spend %8.2f  %s" % (seg, len(members), avg, [c for c, _ in members]))
