specs = [("x", "=5"), (255, ",x"), (255, "_x"), (5, "%Y"), (3.5, "d"), ("txt", ".2f"), (7, "s")]
for value, spec in specs:
    try:
        print(repr(value), spec, "->", repr(format(value, spec)))
    except (ValueError, TypeError) as e:
        print(repr(value), spec, "->", type(e) is ValueError, e)
