items = ["x", "y", "z"]
d = {"key": "value", "n": 5}
print(f"{', '.join(items)}")
print(f"{d['key']} {d['n'] * 2}")
print(f"{items[-1].upper()} {items[0]!r}")
print(f"{'-'.join(str(i) for i in range(4))}")
print(f"{sum(x * x for x in range(5))}")
