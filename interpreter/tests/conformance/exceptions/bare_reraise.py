def risky():
    try:
        return {}["missing"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    risky()
except KeyError as e:
    print("outer caught", repr(e), str(e))
