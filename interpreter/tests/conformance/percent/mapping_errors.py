cases = [
    ("%(a)s", {"b": 1}),
    ("%(a)s", (1,)),
    ("%(a)s", 5),
    ("%(a", {"a": 1}),
    ("%(a)", {"a": 1}),
    ("%(a)s %s", {"a": 1}),
    ("%(a)s", [1]),
    ("%(a)s", range(3)),
    ("%(a)*d", {"a": 1}),
]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except (KeyError, TypeError, ValueError) as e:
        print(repr(fmt), type(e), e)
