raw = [12, "15.50", 3.25, None, "$7", "n/a", True, 8]
total = 0.0
skipped = []
for v in raw:
    if isinstance(v, bool) or v is None:
        skipped.append(repr(v))
    elif isinstance(v, (int, float)):
        total += v
    elif isinstance(v, str):
        s = v.lstrip("$")
        if s.replace(".", "", 1).isdigit():
            total += float(s)
        else:
            skipped.append(repr(v))
print("total = %.2f" % total)
print("skipped:", ", ".join(skipped))
