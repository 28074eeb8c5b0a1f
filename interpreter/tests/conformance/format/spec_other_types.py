for value in [None, [1, 2], (1,), {"a": 1}, ValueError("x")]:
    print(repr(format(value, "")), repr(f"{value}"))
    for spec in [">5", "s", "d", "5"]:
        try:
            print(format(value, spec))
        except TypeError as e:
            print(e)
