d = {"a": 1, "b": 2, "c": 3}
print(d.pop("b"), d)
print(d.pop("zz", "missing"), d)
print(d.popitem(), d)
d["e"] = 5
print(d.popitem(), d)
print(d.popitem(), d)
