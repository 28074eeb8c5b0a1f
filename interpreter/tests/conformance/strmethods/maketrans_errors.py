cases = [lambda: str.maketrans("ab", "x"), lambda: str.maketrans("a"), lambda: str.maketrans({"ab": "x"}),
         lambda: str.maketrans({1.5: "x"}), lambda: str.maketrans(1, 2), lambda: str.maketrans("a", "b", 3),
         lambda: str.maketrans(), lambda: str.maketrans("a", "b", "c", "d"), lambda: str.maketrans(1, "a"),
         lambda: "abc".translate({97: 1.5}), lambda: "abc".translate({97: 0x110000}), lambda: "abc".translate(1),
         lambda: "abc".translate({97: [1]}), lambda: "a".translate()]
for case in cases:
    try:
        print(case())
    except (TypeError, ValueError) as e:
        print(type(e), e)
