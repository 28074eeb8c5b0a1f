# Builtins whose parameters may be named: what binds, and CPython's messages in CPython's
# order (too many in all, a required one missing, a name given twice or unknown).
calls = [
    lambda: pow(base=2, exp=3), lambda: pow(2, exp=3, mod=5),
    lambda: pow(2, 3, mod=None), lambda: pow(2, base=3),
    lambda: pow(2, exp=3, x=1), lambda: pow(exp=3),
    lambda: pow(), lambda: pow(2, 3, 5, 7),
    lambda: pow(2, x=1, y=2), lambda: str(object=5),
    lambda: str(1, 'utf-8', 'x', y=1), lambda: str(x=1),
    lambda: str(1, object=2), lambda: pow(2, -1, 7),
    lambda: pow(base=3, exp=-1, mod=7), lambda: pow(2, 3, base=1),
    lambda: round(1, number=2), lambda: round(1.5, ndigits=None),
    lambda: sum([1], start=2), lambda: sum([], iterable=[]),
    lambda: sorted([], 5), lambda: sorted([], 5, x=1),
    lambda: sorted([], x=1), lambda: sorted(),
    lambda: sorted([], 9223372036854775808, x=1), lambda: min([1], x=7),
    lambda: sum([], x=1), lambda: round(1, x=3),
    lambda: pow(1, 2, 2, x=1), lambda: divmod(1, 2, x=9),
    lambda: round(1, 2, x=3), lambda: sum([], 0, x=1),
    lambda: pow(1, x=1), lambda: min([1], 2, x=1),
    lambda: sorted([], 5, key=None), lambda: round(x=1),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
