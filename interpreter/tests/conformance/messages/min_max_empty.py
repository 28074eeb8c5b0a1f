for f in [min, max]:
    for arg in [[], (), "", {}, range(0)]:
        try:
            print(f(arg))
        except ValueError as e:
            print(e)
    print(f([], default="none"))
