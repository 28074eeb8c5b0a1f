# int(x, base) checks the base before the value.
for value, base in [(True, True), (5, 40), ("7", 1), (7, 10), ("7", "10"), ("7", 2.0), ("z", 36)]:
    try:
        print(int(value, base))
    except (TypeError, ValueError) as e:
        print(type(e), e)
