d = {"a": 1, "b": None}
print("a" in d, "z" in d, "b" in d, 1 in d)
print("z" not in d)
print(None in d.values(), ("a", 1) in d.items())
