values = {"count": 3, "name": "x", "items": None}
try:
    values["count"]()
except TypeError as e:
    print(e)
try:
    for ch in values["count"]:
        pass
except TypeError as e:
    print(e)
try:
    sorted(values["items"])
except TypeError as e:
    print(e)
try:
    print(max(values["count"]))
except TypeError as e:
    print(e)
