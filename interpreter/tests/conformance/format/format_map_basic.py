row = {"name": "Ada", "n": 3, "items": ["a", "b"]}
print("{name} has {n:03d}".format_map(row))
print("{items[1]} {name!r:>6}".format_map(row))
for template, arg in [("{missing}", row), ("{0}", row), ("{}", row), ("{name}", [1])]:
    try:
        print(template.format_map(arg))
    except (KeyError, ValueError, TypeError) as e:
        print(type(e), e)
try:
    print("{a}".format_map({"a": 1}, x=1))
except TypeError as e:
    print(e)
