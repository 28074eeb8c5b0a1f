d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
del d["a"]
print(d, len(d))
d["a"] = 1
print(d)
