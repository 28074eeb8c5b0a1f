d = {"b": 2, "a": 1}
d.update(c=3)
d.update([("d", 4)])
print(d, list(d), d.keys(), d.values(), d.items())
print(d.pop("b"), d.pop("zz", "default"), d.popitem(), d)
d.setdefault("e", []).append(5)
print(d, d.get("e"), "a" in d, 1 in d)
print(dict(zip("xyz", range(3))), dict(a=1, b=2), {**d, "a": 100})
print(sorted(d.items(), key=lambda kv: str(kv[1])))
