people = [("ana", "eng", 5), ("ben", "ops", 2), ("cy", "eng", 9), ("dee", "ops", 2), ("eve", "eng", 5)]
for name, team, years in sorted(people, key=lambda p: (p[1], -p[2], p[0])):
    print(f"{team:<4}{years:>2}y {name}")
teams = sorted({p[1] for p in people})
for t in teams:
    ys = [p[2] for p in people if p[1] == t]
    print(t, "avg tenure", round(sum(ys) / len(ys), 1))
