print(sorted([3, 1, 2]), sorted("cba"), sorted((9, 8)))
print(sorted({"b": 1, "a": 2}), sorted({5, 3, 4}))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(sorted([-3, 2, -1], key=abs))
print(sorted([], reverse=True))
xs = [2, 1]
ys = sorted(xs)
print(xs, ys)
