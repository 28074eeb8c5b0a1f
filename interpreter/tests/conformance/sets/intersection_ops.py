a = {"x", "y", "z"}
b = {"y", "z", "w"}
print(sorted(a.intersection(b)), sorted(a & b))
print(sorted(a.intersection(["z", "q"])))
print(a & set() == set(), len(a & b))
a &= {"x", "y"}
print(sorted(a))
