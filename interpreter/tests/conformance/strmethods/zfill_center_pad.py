for s in ["-42", "+42", "42", "-", "", "é", "abc"]:
    print(repr(s.zfill(6)), repr(s.zfill(1)), repr(s.zfill(-1)))
for s in ["a", "ab", "abc", "abcd"]:
    print([s.center(w, "*") for w in range(3, 9)])
print(repr("x".ljust(3, "é")), repr("x".rjust(4, "-")), repr("x".ljust(-5)))
for case in [lambda: "x".ljust(3, "ab"), lambda: "x".rjust(3, ""), lambda: "x".ljust(3, 1), lambda: "x".center(3, None),
             lambda: "x".rjust(3.5), lambda: "a".center(), lambda: "a".center(1, 2, 3), lambda: "a".zfill(), lambda: "a".zfill(1.5)]:
    try:
        print(case())
    except TypeError as e:
        print(e)
