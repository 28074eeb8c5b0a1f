for fmt in ["%", "abc %", "%5", "%-", "%.", "%.3", "%*", "%l", "%(a)", "%(a"]:
    try:
        print(fmt % ({"a": 1} if "(" in fmt else (3, 4)))
    except (ValueError, TypeError) as e:
        print(repr(fmt), type(e), e)
