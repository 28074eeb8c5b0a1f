for x in (1, 2):
    print("tuple", x)
for x in {"k1": 1, "k2": 2}:
    print("dict", x)
for x in sorted({3, 1, 2}):
    print("set", x)
for x in "hi":
    print("str", x)
for x in range(2):
    print("range", x)
