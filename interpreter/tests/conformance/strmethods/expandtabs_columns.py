for s in ["a\tb\tc", "ab\tc\nd\te", "12345\t6\r7\t8", "é\tx", "\t\t", "no tabs"]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)), repr(s.expandtabs(-1)))
print(repr("a\tb".expandtabs(tabsize=3)))
for bad in [lambda: "a".expandtabs("2"), lambda: "a".expandtabs(1, 2)]:
    try:
        print(bad())
    except TypeError as e:
        print(e)
