# sorted() and list.sort() compare as CPython's sort does: the first pair that cannot be compared is the same.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("none int", lambda: sorted([None, 1]))
attempt("none int reverse", lambda: sorted([None, 1], reverse=True))
attempt("int str", lambda: sorted([-1, 'a', 'b']))
attempt("str int", lambda: sorted(['a', 3, 'b']))
attempt("desc then str", lambda: sorted([5, 4, 3, 'x', 1]))
attempt("mixed late", lambda: sorted([1, 2, 3, 4, None, 5]))
attempt("mixed late reverse", lambda: sorted([1, 2, 3, 4, None, 5], reverse=True))
attempt("key len", lambda: sorted(['bb', 'a', 'ccc', 'dd'], key=len))
attempt("key len reverse", lambda: sorted(['bb', 'a', 'ccc', 'dd', 'e'], key=len, reverse=True))
attempt("stable", lambda: sorted([(1, 'b'), (0, 'x'), (1, 'a'), (0, 'y')], key=lambda t: t[0]))
attempt("stable reverse", lambda: sorted([(1, 'b'), (0, 'x'), (1, 'a'), (0, 'y')], key=lambda t: t[0], reverse=True))
attempt("floats nan", lambda: sorted([3.0, float('nan'), 1.0, 2.0]))
xs = [3, 1, 2]
xs.sort(reverse=True)
attempt("list sort", lambda: xs)
ys = ['a', 1]
attempt("list sort error", lambda: ys.sort())
attempt("big", lambda: sorted(list(range(100, 0, -1)))[:5])
attempt("descending run", lambda: sorted([9, 7, 5, 3, 'a']))
attempt("dict none", lambda: sorted({'a': 1, None: 2}))
attempt("min of mixed", lambda: min([3, 'a']))
