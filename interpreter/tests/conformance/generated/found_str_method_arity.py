# Found by _difftest: string methods called with too many arguments.
calls = [lambda: "a-b".split("-", 1, 2), lambda: "A".casefold("."), lambda: "a".upper(1),
         lambda: "a".strip("a", "b"), lambda: "ab".startswith()]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print(e)
