s = "abc"
print(s.startswith("b", 1), s.startswith(("x", "a")), s.startswith("", 3), s.startswith("", 4))
print(s.endswith("b", 0, -1), s.endswith(("c", 1)), s.startswith("a", None), s.endswith("", -10))
for case in [lambda: s.startswith(["a"]), lambda: s.endswith((1, "c")), lambda: s.startswith(1),
             lambda: s.endswith("a", "b"), lambda: s.startswith()]:
    try:
        print(case())
    except TypeError as e:
        print(e)
