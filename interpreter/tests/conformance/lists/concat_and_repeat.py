a = [1, 2]
b = [3]
c = a + b
print(c, a, b)
print(a * 3, [0] * 5, [] * 10)
print(2 * ["x"], ["a"] + [] + ["b"])
a += [9]
print(a)
print([None] * 3)
