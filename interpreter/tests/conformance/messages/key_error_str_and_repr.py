for e in [KeyError("a"), KeyError(), KeyError("a", "b"), KeyError(1), KeyError(""), KeyError(None)]:
    print(repr(e), "|", str(e), "|", e.args)
d = {}
try:
    d["missing"]
except KeyError as e:
    print(str(e), repr(e))
for case in [lambda: {}.popitem(), lambda: set().pop(), lambda: {}.pop("k"), lambda: {1}.remove(2)]:
    try:
        case()
    except KeyError as e:
        print(str(e), e.args)
