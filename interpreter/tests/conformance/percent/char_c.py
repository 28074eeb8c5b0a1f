print("%c%c%c" % (72, 105, 33))
print("%c|%5c|%-3c|%05c" % ("x", "é", 65, "y"))
print("%c" % 0x1F600)
print(repr("%c" % True))
for bad in ["ab", "", 1.5, None, -1, 0x110000, [65]]:
    try:
        print("%c" % (bad,))
    except (TypeError, OverflowError) as e:
        print(type(e), e)
