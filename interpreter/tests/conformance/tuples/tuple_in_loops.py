pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, word in pairs:
    print(num, word)
for pair in pairs:
    print(pair[0] * 10, pair[1].upper())
names = tuple(w for _, w in pairs)
print(names)
