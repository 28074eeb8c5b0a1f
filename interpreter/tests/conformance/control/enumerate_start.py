names = ["ann", "ben", "cat"]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=1):
    print(i, n)
for i, ch in enumerate("xy", 10):
    print(i, ch)
