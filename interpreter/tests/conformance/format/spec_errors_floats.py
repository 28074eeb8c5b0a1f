for spec in ["c", "d", "x", "s", "b", ",n", "_b", "5.5.5", ".", ".99999999999999999999f", ".3000000000f", "=,"]:
    try:
        print(repr(spec), repr(format(1.5, spec)))
    except ValueError as e:
        print(repr(spec), e)
