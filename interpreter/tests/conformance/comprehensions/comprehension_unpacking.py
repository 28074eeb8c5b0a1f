points = [(1, 2), (3, 4), (5, 6)]
print([x + y for x, y in points])
print([y for _, y in points])
records = [("a", (1, 2)), ("b", (3, 4))]
print([name + str(p + q) for name, (p, q) in records])
print({k: v for k, v in [("x", 1), ("y", 2)]})
