readings = [
    {"sensor": "t1", "value": "21.5"},
    {"sensor": "t2", "value": "n/a"},
    {"sensor": "t1", "value": "22.0"},
    {"sensor": "t3"},
    {"sensor": "t2", "value": "19.25"},
]
good = {}
skipped = 0
for r in readings:
    try:
        v = float(r["value"])
    except (KeyError, ValueError):
        skipped += 1
        continue
    good.setdefault(r["sensor"], []).append(v)
for sensor in sorted(good):
    vals = good[sensor]
    print(f"{sensor}: mean={sum(vals) / len(vals):.2f} n={len(vals)}")
print("skipped:", skipped)
