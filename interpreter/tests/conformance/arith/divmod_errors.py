# divmod raises its own errors, not those of // or %.
for a, b in [(7.5, 2), (-7, 2), (1.0, 0.0), (1, 0), (1, 0.0), (0, -0.0), ("a", 1), (1, [2])]:
    try:
        print(a, b, divmod(a, b))
    except Exception as e:
        print(a, b, type(e), e)
for a, b in [(1.0, 0), (5, 0.0)]:
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("//", e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("%", e)
