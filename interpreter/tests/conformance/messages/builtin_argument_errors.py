# Builtins called with arguments they do not take: CPython 3.11's messages.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("index str start", lambda: [1, 2].index(1, "b"))
attempt("index None start", lambda: [1, 2].index(1, None))
attempt("tuple index", lambda: (1, 2).index(1, "b"))
attempt("index stop", lambda: [1, 2].index(1, 0, "x"))
attempt("str.index", lambda: "ab".index("a", "b"))
attempt("str.find", lambda: "ab".find("a", 1.5))
attempt("enumerate start only", lambda: enumerate(start=1))
attempt("enumerate by keyword", lambda: list(enumerate(start=3, iterable=["a"])))
attempt("enumerate bad start", lambda: list(enumerate([5], start="a")))
attempt("enumerate none", lambda: enumerate())
attempt("enumerate unknown", lambda: enumerate(foo=1))
attempt("enumerate three", lambda: list(enumerate([1], 2, start=3)))
attempt("enumerate iterable twice", lambda: list(enumerate([1], iterable=[2])))
attempt("type two", lambda: type(1, 2))
attempt("type none", lambda: type())
attempt("type four", lambda: type(1, 2, 3, 4))
attempt("type keyword", lambda: type(1, x=2))
attempt("type only keyword", lambda: type(x=2))
