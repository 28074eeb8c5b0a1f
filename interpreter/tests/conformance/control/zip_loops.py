names = ["a", "b", "c"]
scores = [90, 80]
for n, s in zip(names, scores):
    print(n, s)
for a, b, c in zip(range(3), "xyz", [True, False, None]):
    print(a, b, c)
print(len(list(zip(names, scores))))
