def load(name):
    data = {"a": "1", "b": "x"}
    try:
        return int(data[name])
    except KeyError:
        raise LookupError("no such setting: " + name)
print(load("a"))
try:
    print(load("b"))
except ValueError as e:
    print("bad value:", e)
print(load("c"))
