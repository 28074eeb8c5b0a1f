dates = ["2024-02-11", "2024-05-30", "2024-09-01", "2024-11-11"]
for d in dates:
    y, m, _ = d.split("-")
    q = (int(m) + 2) // 3
    half = "H1" if q <= 2 else "H2"
    print(f"{d}: {y}-Q{q} ({half})")
print(sorted({(int(d[5:7]) + 2) // 3 for d in dates}))
