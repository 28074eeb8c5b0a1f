for s in [" a b ", "  a  b  c  ", "", "   ", "a\u00a0b\x1cc\u3000d", "one"]:
    print(repr(s), s.split(), s.rsplit())
    for n in [0, 1, 2, -1]:
        print("  ", n, s.split(None, n), s.rsplit(None, n))
print("a b c".split(maxsplit=1), "a b c".rsplit(maxsplit=1), "a,b,,c".rsplit(",", 2))
