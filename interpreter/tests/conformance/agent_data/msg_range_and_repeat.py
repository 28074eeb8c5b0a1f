for args in [(1, 10, 0), (1.5,), ("3",)]:
    try:
        print(list(range(*args)))
    except (ValueError, TypeError) as e:
        print(args, "->", e)
try:
    print("ab" * 2.0)
except TypeError as e:
    print(e)
try:
    print([0] * "3")
except TypeError as e:
    print(e)
