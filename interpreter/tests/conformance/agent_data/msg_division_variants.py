pairs = [(1, 0), (1.0, 0), (5, 0.0), (7, 0)]
for a, b in pairs:
    for op in ("/", "//", "%"):
        try:
            r = a / b if op == "/" else (a // b if op == "//" else a % b)
            print(r)
        except ZeroDivisionError as e:
            print(f"{a!r} {op} {b!r}: {e}")
