for fmt, value in [("{:d}", 3.5), ("{:.2f}", "x"), ("{:>5}", None), ("{0} {1}", "only"), ("{name}", "x")]:
    try:
        print(fmt.format(value))
    except (ValueError, TypeError, IndexError, KeyError) as e:
        print(fmt, "->", type(e) is ValueError, type(e) is IndexError, type(e) is KeyError, e)
