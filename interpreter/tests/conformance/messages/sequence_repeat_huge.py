print([] * 10 ** 18, () * 2 ** 62, len("" * 10 ** 18))
for case in [lambda: [] * 10 ** 20, lambda: "a" * 2 ** 64, lambda: (1,) * -2 ** 70]:
    try:
        print(case())
    except OverflowError as e:
        print(e)
