for x in reversed([1, 2, 3]):
    print(x, end=" ")
print()
for ch in reversed("abc"):
    print(ch, end="")
print()
print(list(reversed(range(4))), list(reversed((1, 2))))
