d = {"a": 1}
for op in ("pop", "index", "hash", "popitem"):
    try:
        if op == "pop":
            d.pop("zz")
        elif op == "index":
            d[["list"]] = 1
        elif op == "hash":
            s = {[1, 2]}
        else:
            {}.popitem()
    except (KeyError, TypeError) as e:
        print(op, type(e) is KeyError, repr(str(e)))
