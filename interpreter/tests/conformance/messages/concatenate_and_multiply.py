cases = [lambda: "a" + 1, lambda: 1 + "a", lambda: [1] + (1,), lambda: (1,) + [1], lambda: "a" + [1],
         lambda: [1] + "a", lambda: "a" * 1.5, lambda: [1] * 1.5, lambda: 1.5 * "a", lambda: (1,) * None,
         lambda: "a" * "b", lambda: [1] * [2], lambda: "a" - "b", lambda: 1 - "a", lambda: {1} + {2}]
for case in cases:
    try:
        print(case())
    except TypeError as e:
        print(e)
