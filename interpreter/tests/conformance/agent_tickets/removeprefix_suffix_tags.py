labels = ["type:bug", "type:feature", "prio:high", "area:ui", "prio:low", "stale"]
parsed = {}
for l in labels:
    if ":" in l:
        kind, value = l.split(":", 1)
        parsed.setdefault(kind, []).append(value)
    else:
        parsed.setdefault("flag", []).append(l)
print(parsed)
print([l.removeprefix("prio:") for l in labels if l.startswith("prio:")])
print("report.final.txt".removesuffix(".txt"), "x.txt".removesuffix(".csv"))
