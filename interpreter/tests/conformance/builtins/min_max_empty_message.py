# min() and max() of nothing: CPython 3.11's message, or the default.
for items in [[], (), set(), {}, "", range(0)]:
    for fn in (min, max):
        try:
            print(fn(items))
        except ValueError as e:
            print(e)
print(min([], default="none"), max((), default=0), max([], key=len, default=-1))
print(min([3, 1, 2]), max("hello"), min([], default=None))
