cases = [lambda: int("x"), lambda: int("1.5"), lambda: int(""), lambda: int(" 12 "), lambda: int("12", 2),
         lambda: int(None), lambda: int([1]), lambda: float("x"), lambda: float(""), lambda: float(None),
         lambda: float([1]), lambda: int("9" * 5000), lambda: len(str(int("9" * 4300)))]
for case in cases:
    try:
        print(case())
    except (TypeError, ValueError) as e:
        print(type(e), e)
