accounts = ["4111111111111111", "5500 0000 0000 0004", "3400-000000-00009", "12"]
def mask(number):
    digits = "".join(c for c in number if c.isdigit())
    if len(digits) < 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]
for a in accounts:
    m = mask(a)
    print(f"{a!r:>24} -> {m} (len {len(m)})")
