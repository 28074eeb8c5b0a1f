a = b = c = 0
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
a = b = 5
a += 1
print(a, b)
