s = {1, 1.0, True}
print(len(s))
t = {0, False, 0.0, ""}
print(len(t))
print(sorted({2, 2.0, 3}))
