# repr(float) is the shortest string that round-trips; of two such, the one nearer the exact value.
print(repr(1e15 + 0.3), repr(-1e15 - 0.3), repr(1e15 + 0.25), repr(1e15 + 0.75))
print(repr(0.1 + 0.2), repr(1e22), repr(2.5e-310), 1e16 + 2.0, 123456789012345.67)
print([2**52 + 0.5, 4503599627370497.5, 9007199254740993.0, 5e-324, 1.7976931348623157e308])
print(str(8e15 + 0.25), f"{6e15 + 0.75}", 1 / 3, 2 / 3, 10 / 7)
