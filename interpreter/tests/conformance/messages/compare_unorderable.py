cases = [lambda: 1 < "a", lambda: "a" < 1, lambda: [1] < "a", lambda: None < None, lambda: {} <= {},
         lambda: (1,) > [1], lambda: 1.5 >= None, lambda: sorted([1, "a"]), lambda: max(1, "a")]
for case in cases:
    try:
        print(case())
    except TypeError as e:
        print(e)
