# int(x, base=...) by keyword, and the 4300-digit limit of int(str) in bases that are not powers of two.
print(int("ff", base=16), int("101", base=2), int("z", base=36), int("0x1f", base=0))
for call in [lambda: int(base=10), lambda: int("7", bas=2), lambda: int(x="7")]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
for text, base in [("9" * 4300, 10), ("9" * 4301, 10), ("-" + "1" * 4301, 10), ("f" * 5000, 16), ("1" * 4400, 2), ("0x" + "f" * 5000, 0), ("7" * 4301, 8), ("2" * 4301, 3)]:
    try:
        print(len(str(int(text, base) % 10**9)), base)
    except ValueError as e:
        print(base, str(e))
