items = [("a", 3), ("b", None), ("c", 1), ("d", None), ("e", 2)]
print(sorted(items, key=lambda x: (x[1] is None, x[1] or 0)))
print(sorted(items, key=lambda x: x[1] if x[1] is not None else float("inf")))
present = [v for _, v in items if v is not None]
print(min(present), max(present), sum(present) / len(present))
