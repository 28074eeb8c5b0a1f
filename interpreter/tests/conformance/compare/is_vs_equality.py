a = [1, 2]
b = a
c = [1, 2]
print(a == c, a is c, a is b, a is not c)
print(True is True, None is None)
x = "hi"
y = x
print(x is y, x == "hi")
