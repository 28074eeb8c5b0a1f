print("x".removeprefix(""), "abc".removeprefix("ab"), "abc".removeprefix("abcd"), "abc".removesuffix("bc"), "abc".removesuffix(""))
print("TestCase".removeprefix("Test").removesuffix("Case") == "")
for case in [lambda: "abc".removeprefix(1), lambda: "abc".removesuffix(None), lambda: "a".removeprefix()]:
    try:
        print(case())
    except TypeError as e:
        print(e)
