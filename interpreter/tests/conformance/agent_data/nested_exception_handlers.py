def risky(n):
    if n == 1:
        raise KeyError(n)
    if n == 2:
        raise ValueError(n)
    if n == 3:
        raise TypeError(n)
    return n
for n in range(5):
    try:
        try:
            print("ok", risky(n))
        except KeyError as e:
            print("inner caught KeyError", e)
            raise ValueError("converted") from e
    except ValueError as e:
        print("outer caught ValueError", e)
    except Exception as e:
        print("generic", repr(e))
