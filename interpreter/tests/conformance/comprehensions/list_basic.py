squares = [x * x for x in range(8)]
print(squares)
print([c.upper() for c in "abc"])
print([len(w) for w in "a bb ccc".split()])
print([x for x in []])
print([0 for _ in range(3)])
