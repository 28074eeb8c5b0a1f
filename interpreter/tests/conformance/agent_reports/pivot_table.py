rows = [("2024-Q1", "EU", 120), ("2024-Q1", "US", 200), ("2024-Q2", "EU", 150), ("2024-Q2", "APAC", 80), ("2024-Q2", "US", 210)]
quarters = sorted({r[0] for r in rows})
regions = sorted({r[1] for r in rows})
cell = {(q, r): v for q, r, v in rows}
print("%-8s" % "" + "".join("%7s" % r for r in regions) + "%7s" % "total")
for q in quarters:
    vals = [cell.get((q, r), 0) for r in regions]
    print("%-8s" % q + "".join("%7d" % v for v in vals) + "%7d" % sum(vals))
