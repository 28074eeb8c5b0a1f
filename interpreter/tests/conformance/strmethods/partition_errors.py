print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
for case in [lambda: "abc".partition(""), lambda: "abc".rpartition(""), lambda: "abc".partition(None),
             lambda: "abc".rpartition(1), lambda: "abc".partition()]:
    try:
        print(case())
    except (TypeError, ValueError) as e:
        print(type(e), e)
