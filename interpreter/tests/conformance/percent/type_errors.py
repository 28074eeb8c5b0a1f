cases = [("%d", "x"), ("%i", None), ("%u", [1]), ("%x", 1.5), ("%o", "7"), ("%X", None),
         ("%f", "1.5"), ("%e", None), ("%g", [1.0]), ("%d", {"a": 1})]
for fmt, arg in cases:
    try:
        print(fmt % (arg,))
    except TypeError as e:
        print(repr(fmt), e)
