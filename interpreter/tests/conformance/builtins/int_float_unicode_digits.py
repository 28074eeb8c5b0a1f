# int() and float() read any Unicode decimal digit and Unicode whitespace.
print(int("١٢"), int(" ７ "), int("\u3000४२\u00a0"), int("-۳"), int("１_０"))
print(float("١.٥"), float("\u2003 2.5e1 "), float("𝟗"))
print(int("ff", 16), int("0x1F", 0), int(" +42 "), int("1_000"))
print(float("1_0.5"), float("-1_000.25"), float(" inf "), float("-Infinity"))
for s in ["½", "1__0", "_1", "1_", "1e1_0", "١ ٢", "0x10", "1.5.2", "", " "]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print("float:", e)
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print("int:", e)
