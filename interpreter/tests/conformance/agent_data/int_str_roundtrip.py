values = [0, -0, 7, -7, 10 ** 12, 3.0, -2.50, 1e3, 0.1]
for v in values:
    s = str(v)
    back = float(s) if "." in s or "e" in s else int(s)
    print(f"{v!r:>15} {s!r:>16} {back == v}")
print(str(10 ** 21 * 1.0), int("007"), int(-3.9), int(3.9), float("  -1.5e2 "))
