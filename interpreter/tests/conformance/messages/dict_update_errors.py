cases = [lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: dict(["ab", "c"]), lambda: dict(1),
         lambda: {}.update([(1,)]), lambda: {}.update([None]), lambda: dict(["ab"])]
for case in cases:
    try:
        print(case())
    except (TypeError, ValueError) as e:
        print(type(e), e)
