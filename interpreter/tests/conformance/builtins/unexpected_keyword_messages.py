# Keyword arguments builtins do not take, in CPython's words.
calls = [
    lambda: list(x=1), lambda: tuple([], reverse=True), lambda: set(a=1), lambda: frozenset(a=1),
    lambda: float(x=1), lambda: bool(x=1), lambda: range(stop=3), lambda: len(obj=[]),
    lambda: abs(x=1), lambda: divmod(1, 2, x=3), lambda: isinstance(1, int, x=1),
    lambda: repr(obj=1), lambda: chr(i=1), lambda: ord(c="a"), lambda: hex(number=1),
    lambda: callable(obj=1), lambda: any(iterable=[]), lambda: all(iterable=[]),
    lambda: dict(a=1), lambda: sorted([], x=1), lambda: min([1], x=1), lambda: max([1], x=1),
    lambda: sum([], x=1), lambda: round(1, x=1), lambda: pow(1, 2, x=1),
    lambda: sorted([2, 1], reverse=True), lambda: sum([1], start=5),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print(e)
