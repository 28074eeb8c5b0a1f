parts = []
for i in range(1, 6):
    parts.append(str(i) * i)
print("|".join(parts))
print(", ".join(map(str, range(5))), "".join(reversed("abc")), "-".join("xyz"))
csv = "\n".join(",".join(str(c) for c in row) for row in [[1, 2], [3, 4]])
print(csv)
print(" ".join(w.capitalize() for w in "the quick brown fox".split()))
