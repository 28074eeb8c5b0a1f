rows = [("id", 3), ("type", "x"), ("format", 1.5)]
for str, value in rows:
    print(str, value)
print([type for type in ["a", "b"]])
ids = {id: n for n, id in enumerate(["x", "y"])}
print(ids)
print(str, type(1.5).__name__)
