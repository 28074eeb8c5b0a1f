pairs = [("x", 1), ("y", 2), ("x", 3), ("z", 4), ("y", 5)]
acc = {}
for k, v in pairs:
    if k not in acc:
        acc[k] = []
    acc[k].append(v)
print(acc)
sums = {k: sum(v) for k, v in acc.items()}
print(sums)
