d = {"a": 1}
same = d
d.clear()
print(d, same, len(same))
d["b"] = 2
print(same)
