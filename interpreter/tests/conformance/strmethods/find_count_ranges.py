s = "abcabc"
print(s.count("b", -2), s.count("b", None, -3), s.count("", 2, 4), s.count("", 10), "abc".count("", 3), "abc".count("", 4))
print(s.find("c", -2, None), s.find("", 6), s.find("", 7), s.rfind("b", 0, -2), s.index("c", 3), s.rindex("a"))
print(s.find("a", 10 ** 20), s.find("a", -10 ** 20), s.count("a", 10 ** 20), s.rfind("", 2, 1))
for case in [lambda: s.index("x"), lambda: s.rindex("x"), lambda: s.find("b", 1.5), lambda: s.find(1),
             lambda: s.find("b", "1"), lambda: s.count(None), lambda: s.find()]:
    try:
        print(case())
    except (TypeError, ValueError) as e:
        print(type(e), e)
