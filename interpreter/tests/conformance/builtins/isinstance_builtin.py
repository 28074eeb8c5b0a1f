values = [1, 1.5, "s", True, None, [1], (1,), {"a": 1}, {1}]
for v in values:
    print(repr(v), isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, (str, dict, set)))
print(isinstance(True, bool), isinstance(1, bool), isinstance(1, float))
