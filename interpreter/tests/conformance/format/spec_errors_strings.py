for spec in ["+", " ", "-", "z", "#", "=5", "d", ",", "_", ",s", "5.5.5", ".", "\x01", "é"]:
    try:
        print(repr(spec), repr(format("x", spec)))
    except ValueError as e:
        print(repr(spec), e)
