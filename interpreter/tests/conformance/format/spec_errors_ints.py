for spec in [".2", ".2x", "z", "z5", ",x", "_n", ",n", ",c", ".2c", "+c", "#c", ",_", "_,", "s", "5.5.5", "_#x", "\x01", ",\x01", "é", "99999999999999999999"]:
    try:
        print(repr(spec), repr(format(42, spec)))
    except ValueError as e:
        print(repr(spec), e)
