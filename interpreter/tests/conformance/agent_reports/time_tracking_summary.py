entries = ["ana 2h15m projA", "ben 45m projB", "ana 1h projB", "cy 3h30m projA", "ben 1h45m projA"]
def minutes(s):
    h = int(s.split("h")[0]) if "h" in s else 0
    rest = s.split("h")[-1] if "h" in s else s
    m = int(rest.rstrip("m")) if rest.rstrip("m") else 0
    return h * 60 + m
per_project = {}
for e in entries:
    who, dur, proj = e.split()
    per_project[proj] = per_project.get(proj, 0) + minutes(dur)
for proj, total in sorted(per_project.items()):
    print("%s: %d:%02d" % ((proj,) + divmod(total, 60)))
