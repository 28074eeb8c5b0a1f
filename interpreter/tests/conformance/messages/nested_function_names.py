# Argument errors name a nested function by its qualified name (outer.<locals>.inner).
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
def compose(f, g):
    return lambda x: f(g(x))
def outer():
    def inner(a, b):
        return a + b
    def deeper():
        def deepest(x):
            return x
        return deepest
    return inner, deeper()
inner, deepest = outer()
inc = lambda x: x + 1
attempt("lambda in function", lambda: compose(inc, inc)(5, 5))
attempt("nested def", lambda: inner(1))
attempt("nested def keyword", lambda: inner(1, 2, c=3))
attempt("two levels", lambda: deepest())
attempt("module lambda", lambda: inc(1, 2))
attempt("star into nested", lambda: inner(*5))
print(inner.__name__, deepest.__name__, compose(inc, inc).__name__)
