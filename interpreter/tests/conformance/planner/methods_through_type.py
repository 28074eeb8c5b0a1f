names = ["  Ada ", "bob", " CY"]
print(list(map(str.strip, names)))
print(sorted(map(str.lower, map(str.strip, names))))
print(str.join(", ", ["a", "b"]), str.split("a b  c"), str.upper("x"))
records = [{"id": 1}, {"name": "x"}]
print([dict.get(r, "id", "-") for r in records])
print(list.count([1, 2, 1], 1), dict.keys({"a": 1, "b": 2}), tuple.index((5, 6), 6))
try:
    str.upper(5)
except TypeError as e:
    print("TypeError:", e)
def f(**kw):
    return kw
try:
    f(x=1, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)
print(f(**{"a": 1}, b=2))
