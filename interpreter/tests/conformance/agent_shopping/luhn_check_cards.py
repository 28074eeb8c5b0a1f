cards = ["4539 1488 0343 6467", "8273 1232 7352 0569", "4111111111111111", "1234567812345678"]
def luhn_ok(number):
    digits = [int(c) for c in number if c.isdigit()][::-1]
    total = 0
    for i, d in enumerate(digits):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
for c in cards:
    print(c.replace(" ", "")[-4:].rjust(8, "*"), "valid" if luhn_ok(c) else "invalid")
