# Found by _difftest: None with a non-empty format spec is a TypeError.
for spec in ["", ">5", "05", " "]:
    try:
        print(repr(format(None, spec)))
    except TypeError as e:
        print(type(e), e)
