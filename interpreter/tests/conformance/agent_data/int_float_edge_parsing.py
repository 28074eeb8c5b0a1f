values = ["  42  ", "+7", "-0", "1_000", "3.", ".5", "1e-3", "inf", "-nan", "0b101"]
for v in values:
    try:
        out = int(v)
    except ValueError:
        try:
            out = float(v)
        except ValueError:
            out = "invalid"
    print(f"{v!r:>9} -> {out!r}")
print(int("0b101", 0), int("ff", 16), int("777", 8), int("z", 36))
