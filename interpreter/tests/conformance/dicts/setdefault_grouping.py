groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
d = {"k": 1}
print(d.setdefault("k", 2), d.setdefault("m", 3), d)
print(d.setdefault("n"), d)
