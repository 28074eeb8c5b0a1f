# str(), iter() and calls with * or ** arguments they cannot take: CPython 3.11's messages.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("str encoding int", lambda: str(1, 2))
attempt("str decode int", lambda: str(1, "utf-8"))
attempt("str decode str", lambda: str("a", "utf-8"))
attempt("str errors int", lambda: str(1, "utf-8", 3))
attempt("str four", lambda: str(1, 2, 3, 4))
attempt("str object kw", lambda: str(object=5))
attempt("str encoding kw", lambda: str(5, encoding="utf-8"))
attempt("str errors only", lambda: str(errors="x"))
attempt("str bad kw", lambda: str(x=1))
attempt("iter not callable", lambda: iter([1], 2))
attempt("iter none", lambda: iter())
attempt("iter three", lambda: iter(1, 2, 3))
attempt("iter keyword", lambda: iter([1], x=2))
attempt("star int", lambda: print(*1))
attempt("star star int", lambda: print(**1))
attempt("star None", lambda: len(*None))
attempt("sorted star", lambda: sorted(*1))
attempt("dict star star", lambda: dict(**[1]))
def total(*xs):
    return sum(xs)
attempt("plan function star", lambda: total(*5))
attempt("plan function star star", lambda: total(**"ab"))
attempt("star generator", lambda: total(*(x for x in range(3))))
