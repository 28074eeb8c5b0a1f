words = ["apple", "banana", "cherry"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
print({i: c for i, c in enumerate("xyz") if i != 1})
print({k: v * 2 for k, v in {"a": 1, "b": 2}.items()})
print({x % 3: x for x in range(10)})
