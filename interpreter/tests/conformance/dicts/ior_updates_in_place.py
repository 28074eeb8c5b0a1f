# d |= other changes d itself (aliases see it) and takes any iterable of pairs, like update.
a = {"x": 1}
b = a
a |= {"y": 2}
a |= [("z", 3), ("x", 10)]
a |= []
print(a, b, a is b)
c = a | {"w": 0}
print(c, a)
try:
    a |= 5
except TypeError as e:
    print(e)
try:
    a |= [("only-one",)]
except ValueError as e:
    print(e)
print(b)
