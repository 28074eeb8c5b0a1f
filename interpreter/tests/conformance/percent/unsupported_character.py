cases = ["%y", "abc %q", "%5k", "%-+z", "%é", "%3$s", "%5%", "%.2%", "%(a)v", "%ZZ"]
for fmt in cases:
    try:
        args = {"a": 1} if "(" in fmt else (1,)
        print(fmt % args)
    except (ValueError, TypeError) as e:
        print(repr(fmt), type(e), e)
