values = [1, 1.5, "s", [1], (1,), {"a": 1}, {1}, None, True, range(3)]
for v in values:
    print(type(v), type(v) is int, isinstance(v, int), isinstance(v, (list, tuple)))
print(type(1) == type(2), type("a") == str, type(None))
