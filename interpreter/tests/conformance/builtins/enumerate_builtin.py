print(list(enumerate(["a", "b", "c"])))
print(list(enumerate("xy", 1)))
print(list(enumerate([], 5)))
print(dict(enumerate(["zero", "one"])))
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
