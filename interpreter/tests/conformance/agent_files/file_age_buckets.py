files = [("a.log", 1), ("b.log", 45), ("c.log", 8), ("d.log", 400), ("e.log", 29), ("f.log", 90)]
buckets = {"<1 week": [], "<1 month": [], "<1 year": [], "older": []}
for name, age in files:
    if age < 7:
        key = "<1 week"
    elif age < 30:
        key = "<1 month"
    elif age < 365:
        key = "<1 year"
    else:
        key = "older"
    buckets[key].append(name)
for k, v in buckets.items():
    print(f"{k:>9}: {' '.join(v) or '-'}")
