# Wrong numbers of arguments to builtins: CPython 3.11's three wordings.
calls = [
    lambda: dict({}, {}), lambda: list([], []), lambda: tuple((), ()), lambda: set([], []),
    lambda: float(1, 2), lambda: bool(1, 2), lambda: range(), lambda: range(1, 2, 3, 4),
    lambda: divmod(1), lambda: sorted(), lambda: min(), lambda: max(), lambda: isinstance(1),
    lambda: int(1, 2, 3), lambda: round(1, 2, 3), lambda: sum(),
    lambda: sum([1], 2, 3), lambda: pow(1), lambda: pow(1, 2, 3, 4), lambda: len(),
    lambda: len([], []), lambda: abs(), lambda: hex(1, 2), lambda: chr(), lambda: ord("a", "b"),
    lambda: repr(), lambda: any(), lambda: all([], []), lambda: callable(),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
