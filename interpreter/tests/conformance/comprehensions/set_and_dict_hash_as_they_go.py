# A set or dict comprehension adds each element as it is made: an unhashable one stops it there.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
def noisy(x):
    print("made", x)
    return x
attempt("set of lists", lambda: {sorted(w) for w in ['a', 'bb', True]})
attempt("set stops early", lambda: {noisy(x) if x != 2 else [x] for x in range(4)})
attempt("dict key list", lambda: {noisy([x]): noisy(x) for x in range(3)})
attempt("dict value first", lambda: {(x,): noisy(x * 2) for x in range(2)})
attempt("list keeps going", lambda: [noisy(x) for x in range(2)])
attempt("set ok", lambda: sorted({x % 3 for x in range(10)}))
attempt("dict ok", lambda: {k: len(k) for k in ['a', 'bb']})
