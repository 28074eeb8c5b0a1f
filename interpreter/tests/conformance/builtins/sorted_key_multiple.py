rows = [{"n": "b", "s": 2}, {"n": "a", "s": 2}, {"n": "c", "s": 1}]
print([r["n"] for r in sorted(rows, key=lambda r: r["s"])])
print([r["n"] for r in sorted(rows, key=lambda r: (r["s"], r["n"]))])
print([r["n"] for r in sorted(rows, key=lambda r: r["s"], reverse=True)])
print([r["n"] for r in sorted(rows, key=lambda r: r["n"], reverse=True)])
