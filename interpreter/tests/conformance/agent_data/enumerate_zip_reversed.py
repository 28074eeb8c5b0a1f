names = ["ana", "ben", "cy"]
scores = [90, 85, 77]
grades = "ABC"
for i, (n, s, g) in enumerate(zip(names, scores, grades), 1):
    print(i, n, s, g)
print(list(reversed(names)), list(enumerate("ab", start=5)), list(zip()))
print([n for n in reversed(range(3))], list(range(10, 0, -3)), range(5)[2], len(range(0, 100, 7)))
