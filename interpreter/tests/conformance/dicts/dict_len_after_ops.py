d = {"a": 0, "b": 0}
d["c"] = 0
print(len(d))
d.pop("a")
d.update(b=1, e=2)
print(len(d), d)
d.clear()
print(len(d))
