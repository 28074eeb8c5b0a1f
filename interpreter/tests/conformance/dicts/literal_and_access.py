d = {"a": 1, "b": 2, "c": 3}
print(d, len(d))
print(d["a"], d["c"])
d["d"] = 4
d["a"] = 100
print(d)
print({}, dict())
