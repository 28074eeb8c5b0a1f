print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100))
print((1, "b") < (1, "c"), (0, 0) == (0, 0))
print((1, 2) == [1, 2], (1, 2) != [1, 2])
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs))
print(max(pairs), min(pairs))
