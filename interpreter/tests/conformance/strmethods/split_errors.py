cases = [lambda: "abc".split(""), lambda: "abc".rsplit(""), lambda: "abc".split(1), lambda: "ab".split(None, "1"),
         lambda: "a".split(",", 1.5), lambda: "a b".split(" ", 1, 2), lambda: "".split(","), lambda: "a,b".split(sep=",")]
for case in cases:
    try:
        print(case())
    except (TypeError, ValueError) as e:
        print(type(e), e)
