def convert(v):
    try:
        return int(v)
    except (ValueError, TypeError) as e:
        print("bad input:", type(e))
        return None
print(convert("12"))
print(convert("x"))
print(convert(None))
print(convert([1]))
