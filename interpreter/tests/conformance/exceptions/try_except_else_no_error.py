def parse(s):
    try:
        n = int(s)
    except ValueError:
        return "invalid"
    else:
        return n * 2
    finally:
        print("parsed", repr(s))
print(parse("21"))
print(parse("z"))
