contacts = [("Ana", 34), ("Ben", 22), ("Cy", 51), ("Dee", 19), ("Eve", 67), ("Fay", 45)]
groups = {}
for name, age in contacts:
    decade = age // 10 * 10
    groups.setdefault(f"{decade}s", []).append(name)
for label in sorted(groups, key=lambda g: int(g[:-1])):
    print(label, groups[label])
ages = [a for _, a in contacts]
print("median:", sorted(ages)[len(ages) // 2], "mean: %.1f" % (sum(ages) / len(ages)))
