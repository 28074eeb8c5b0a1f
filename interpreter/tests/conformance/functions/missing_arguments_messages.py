# Missing arguments are listed as CPython lists them: 'a' and 'b'; 'a', 'b', and 'c';
# keyword-only ones all at once; sum() counts its iterable before its keywords.
def add3(a, b, c):
    return a + b + c
def two(a, b):
    return a
def kw(*, a, b, c=1, d):
    return a
def mixed(x, *, y):
    return x
tries = [lambda: add3(), lambda: add3(1), lambda: two(), lambda: kw(), lambda: kw(a=1), lambda: kw(b=2, d=3), lambda: mixed(), lambda: mixed(1),
         lambda: sum(x=1), lambda: sum(), lambda: sum([1], 2, x=1), lambda: sum([1], x=1)]
for f in tries:
    try:
        print(f())
    except TypeError as e:
        print(e)
