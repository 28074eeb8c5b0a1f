def attempt(f, x):
    try:
        return f(x)
    except Exception as e:
        return f"{type(e).__name__}: {e}"

print(attempt(int, "12a"))
print(attempt(lambda d: d["missing"], {}))
print(attempt(lambda xs: xs[5], [1, 2]))
print(attempt(lambda v: 1 / v, 0))
print(attempt(lambda s: s.nope, "x"))
print(type(3).__name__, type("s").__name__, type([]).__name__, type({}).__name__)
print(len.__name__, attempt.__name__, (lambda: 0).__name__, ValueError.__name__)
e = KeyError("x")
print(e.__class__.__name__, e.__class__ is KeyError)
