a = (1, 2)
b = (3,)
print(a + b, a * 2, b * 3, () * 5)
c = a
a += (9,)
print(a, c, a is c)
print((0,) * 3 + ("x",))
