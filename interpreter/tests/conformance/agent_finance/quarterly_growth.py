revenue = [120000, 132500, 128000, 151200]
prev = None
for q, r in enumerate(revenue, 1):
    if prev is None:
        print(f"Q{q}: {r:>9,}")
    else:
        print(f"Q{q}: {r:>9,} ({(r - prev) / prev:+.1%})")
    prev = r
cagr = (revenue[-1] / revenue[0]) ** (1 / (len(revenue) - 1)) - 1
print(f"avg growth per quarter: {cagr:.2%}")
