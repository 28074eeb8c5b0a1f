# Unpacking, slice assignment, split counts and * arguments that cannot be used: CPython 3.11.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
def total(*xs):
    return sum(xs)
def unpack_function():
    a, b = total
    return a
def unpack_none():
    a, b = None
    return a
attempt("unpack function", unpack_function)
attempt("unpack None", unpack_none)
attempt("two stars", lambda: total(*5, *5))
attempt("star after positional", lambda: total(1, *5))
attempt("star first then list", lambda: total(*5, *[1]))
attempt("str None encoding", lambda: str(42, None))
attempt("rsplit None", lambda: "a=b".rsplit("=", None))
attempt("split None None", lambda: "a b".split(None, None))
attempt("split keyword None", lambda: "a b".split(maxsplit=None))
def assign_slice(value, bounds):
    xs = list(range(6))
    xs[bounds[0]:bounds[1]] = value
    return xs
attempt("slice bad bound", lambda: assign_slice(5, (0, -float("inf"))))
attempt("slice not iterable", lambda: assign_slice(5, (0, 2)))
attempt("slice generator raises", lambda: assign_slice((1 // 0 for _ in range(2)), (0, 2)))
def assign_extended(value):
    xs = list(range(6))
    xs[::2] = value
    return xs
attempt("extended not iterable", lambda: assign_extended(5))
attempt("extended ok", lambda: assign_extended("abc"))
