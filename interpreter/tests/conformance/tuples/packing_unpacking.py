t = 1, 2, 3
print(t, type(t))
a, b, c = t
print(a, b, c)
x, y = "hi"
print(x, y)
(p, q) = [10, 20]
print(p + q)
