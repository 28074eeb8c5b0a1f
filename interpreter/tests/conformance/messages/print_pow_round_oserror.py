# OSError's str, print's sep and end, pow with a None modulus, round of what has no __round__, issubclass arity.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
for e in [OSError('a', 'b'), TimeoutError('x', -7), ConnectionError('c', 1), OSError('a'), PermissionError()]:
    print(repr(str(e)), repr(e), e.args)
attempt("print end", lambda: print('y', sep='-', end=False))
attempt("print sep", lambda: print('y', sep=1))
attempt("pow mod None", lambda: pow(3, -1, None))
attempt("pow mod", lambda: pow(-3, -2, 7))
attempt("round str", lambda: round('a', 'a'))
attempt("round list", lambda: round([1]))
attempt("round bad ndigits", lambda: round(1.5, 'a'))
attempt("issubclass three", lambda: issubclass(int, int, int))
attempt("issubclass one", lambda: issubclass(int))
