def fail(kind):
    if kind == "type":
        raise TypeError("bad type")
    if kind == "key":
        raise KeyError("bad key")
    if kind == "runtime":
        raise RuntimeError("bad runtime")
    raise Exception("generic")
for kind in ["type", "key", "runtime", "other"]:
    try:
        fail(kind)
    except Exception as e:
        print(type(e), str(e), repr(e))
