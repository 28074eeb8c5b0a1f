cases = [lambda: "abc"[{}], lambda: [1][None], lambda: (1,)[1.5], lambda: range(3)["a"],
         lambda: "ab"[5], lambda: (1, 2)[5], lambda: range(3)[5], lambda: [1][1.5]]
for case in cases:
    try:
        print(case())
    except (TypeError, IndexError) as e:
        print(type(e), e)
xs = [1]
for key in ["a", 2]:
    try:
        xs[key] = 0
    except (TypeError, IndexError) as e:
        print(type(e), e)
