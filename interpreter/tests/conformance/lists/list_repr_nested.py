xs = [1, [2, [3, [4]]], (5, 6), {"k": [7]}, "s", None, True, 1.5]
print(xs)
print(str(xs) == repr(xs))
print([[]], [()], [{}], [""])
print(len(xs[1]), xs[1][1][1])
