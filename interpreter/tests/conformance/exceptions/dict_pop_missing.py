d = {"a": 1}
try:
    d.pop("b")
except KeyError as e:
    print("pop missing", e)
try:
    {}.popitem()
except KeyError:
    print("popitem on empty dict")
try:
    set().remove(1)
except KeyError as e:
    print("set remove", e)
