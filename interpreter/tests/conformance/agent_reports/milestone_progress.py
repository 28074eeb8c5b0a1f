milestones = [("Design", 10, 10), ("Build", 24, 15), ("Test", 12, 3), ("Launch", 4, 0)]
for name, total, done in milestones:
    frac = done / total
    bar = "[" + "#" * int(frac * 20) + "-" * (20 - int(frac * 20)) + "]"
    print("%-7s %s %3d%%" % (name, bar, frac * 100))
overall = sum(d for _, _, d in milestones) / sum(t for _, t, _ in milestones)
print("overall %.1f%%" % (overall * 100))
