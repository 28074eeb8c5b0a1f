xs = ["a", "b", "c", "d", "e"]
del xs[1]
print(xs)
del xs[-1]
print(xs)
del xs[0]
print(xs, len(xs))
