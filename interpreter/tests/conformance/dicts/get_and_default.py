d = {"x": 1, "y": None}
print(d.get("x"), d.get("z"), d.get("z", 0), d.get("y", "dflt"))
print(d.get("x", 99))
counts = {}
for w in ["a", "b", "a", "c", "a"]:
    counts[w] = counts.get(w, 0) + 1
print(counts)
