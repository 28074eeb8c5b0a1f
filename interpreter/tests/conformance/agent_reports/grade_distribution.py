scores = {"ana": 93, "ben": 78, "cy": 85, "dee": 61, "eve": 99, "fay": 72, "gus": 88, "hal": 55}
def letter(s):
    for cutoff, grade in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if s >= cutoff:
            return grade
    return "F"
dist = {}
for name, s in scores.items():
    dist.setdefault(letter(s), []).append(name)
for g in "ABCDF":
    names = dist.get(g, [])
    print(f"{g}: {len(names)} {'*' * len(names):<4} {', '.join(sorted(names))}")
mean = sum(scores.values()) / len(scores)
print(f"mean {mean:.2f}, above mean: {sum(s > mean for s in scores.values())}")
