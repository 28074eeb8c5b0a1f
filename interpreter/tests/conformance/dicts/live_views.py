d = {"a": 1, "b": 2}
ks = d.keys()
vs = d.values()
it = d.items()
print(list(ks), list(ks))
d["c"] = 3
print(ks, len(ks), "c" in ks, vs, it)
print(ks == {"a", "b", "c"}, sorted(ks - {"a"}), ks & {"b", "z"}, ks == ["a", "b", "c"], vs == vs)
del d["a"]
print(list(ks), list(reversed(ks)), sorted(vs), list(reversed(it)), list(reversed(vs)))
try:
    for k in d.keys():
        d[k + "x"] = 1
except RuntimeError as e:
    print("RE", e)
e = {}.keys()
print(e, bool(e), len(e), bool(ks))
try:
    next(ks)
except TypeError as x:
    print("TE", x)
i = iter(ks)
print(d.items() == {("b", 2), ("c", 3), ("bx", 1)}, {("b", 2)} == d.items(), d.keys() == d.keys(), d.keys() != {"q"})
x = {"k": [1]}
print(x.items() == {"k": [1]}.items())
print(max(d.values()), sum(d.values()), min(d), ",".join(d.keys()), dict(d.items()), list(zip(d.keys(), d.values())))
w = d.keys()
d.clear()
print(w, len(w), list(w))
