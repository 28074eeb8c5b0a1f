print(repr("\u00a0x\u2003".strip()), repr("\x1cx\x1f".strip()), repr("\u200bx".strip()), repr("xxaxx".lstrip("x")))
print("a".replace("", "-"), "abc".replace("", "-", 2), "aaa".replace("a", "b", -1), "aaa".replace("a", "b", 0))
cases = [lambda: "abc".strip(1), lambda: "a".strip(1, 2), lambda: "abc".replace(1, "x"), lambda: "a".replace("a", 1),
         lambda: "abc".replace("a"), lambda: "a".replace("a", "b", "c")]
for case in cases:
    try:
        print(case())
    except TypeError as e:
        print(e)
