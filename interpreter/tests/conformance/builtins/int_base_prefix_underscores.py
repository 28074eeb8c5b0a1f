# int(s, base): underscores may follow a base prefix; base 0 refuses a leading zero.
cases = [("_1", 10), ("0x_1f", 16), ("0x_1f", 0), ("010", 0), ("0", 0), ("00", 0),
         ("0_0", 0), ("1_0", 0), ("0b_1", 0), ("_", 0), ("0x", 16), ("0o17", 8),
         ("  -0b101 ", 0), ("z", 36), ("Z_z", 36)]
for s, base in cases:
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(e)
