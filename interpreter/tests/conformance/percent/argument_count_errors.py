cases = [("%s %s", (1,)), ("%s", (1, 2)), ("hello", 5), ("hello", (1,)), ("hello", ()), ("%d", ()),
         ("%s %s", [1, 2]), ("hello", []), ("hello", {"a": 1}), ("%s", ())]
for fmt, args in cases:
    try:
        print(repr(fmt), repr(fmt % args))
    except TypeError as e:
        print(repr(fmt), e)
