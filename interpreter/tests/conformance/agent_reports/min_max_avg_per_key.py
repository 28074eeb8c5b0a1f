readings = [("s1", 21.5), ("s2", 19.0), ("s1", 23.1), ("s3", 30.2), ("s2", 18.4), ("s1", 22.0)]
stats = {}
for sensor, v in readings:
    s = stats.setdefault(sensor, {"min": v, "max": v, "sum": 0, "n": 0})
    s["min"] = min(s["min"], v)
    s["max"] = max(s["max"], v)
    s["sum"] += v
    s["n"] += 1
for sensor, s in stats.items():
    print("%s min %.1f max %.1f avg %.2f (n=%d)" % (sensor, s["min"], s["max"], s["sum"] / s["n"], s["n"]))
