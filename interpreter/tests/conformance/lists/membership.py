xs = [1, "two", 3.0, None, [4]]
print(1 in xs, "two" in xs, 3 in xs, None in xs)
print([4] in xs, 4 in xs, "t" in xs)
print(5 not in xs)
print(True in [1], False in [0.0])
