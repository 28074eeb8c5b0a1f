cases = [lambda: divmod(1, 0), lambda: divmod("a", 1), lambda: divmod(1, None), lambda: pow("a", 2),
         lambda: 2 ** "a", lambda: abs("a"), lambda: round("a"), lambda: chr(-1), lambda: ord("ab"),
         lambda: ord(1), lambda: len(1), lambda: sum(["a"]), lambda: sum([1], "a"), lambda: iter(1),
         lambda: list(1), lambda: tuple(None), lambda: "a" in 1, lambda: 1 in "a", lambda: bool.x]
for case in cases:
    try:
        print(case())
    except (TypeError, ValueError, ZeroDivisionError, AttributeError) as e:
        print(type(e), e)
