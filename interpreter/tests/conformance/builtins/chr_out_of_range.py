# chr() of an int that does not fit, of a bool, and out of Unicode's range.
for n in [65, 0x1F600, 0x10FFFF, 0x110000, -1, 2**31, -(2**31) - 1, 2**70, True]:
    try:
        print(n, ord(chr(n)))
    except (ValueError, OverflowError) as e:
        print(n, type(e), e)
try:
    chr("a")
except TypeError as e:
    print(e)
