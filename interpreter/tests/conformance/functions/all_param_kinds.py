def f(a, b=2, *args, c, d=4, **kw):
    return [a, b, args, c, d, kw]
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(a=0, c=0, d=0, z=0))
def g(x, *, y=10):
    return x + y
print(g(1), g(1, y=2))
