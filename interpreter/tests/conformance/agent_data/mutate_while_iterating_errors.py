seen = {"a@x.com", "b@x.com"}
try:
    for addr in seen:
        seen.add(addr.upper())
except RuntimeError as e:
    print("set:", e)
counts = {"open": 1}
try:
    for k in counts:
        counts[k + "_copy"] = counts[k]
except RuntimeError as e:
    print("dict:", e)
for k in list(counts):
    counts[k + "_copy"] = counts[k]
print(sorted(counts), len(seen) >= 2)
