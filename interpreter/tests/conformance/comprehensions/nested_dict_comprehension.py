data = {"x": [1, 2, 3], "y": [4, 5], "z": []}
print({k: sum(v) for k, v in data.items()})
print({k: {"n": len(v), "max": max(v, default=None)} for k, v in data.items()})
print({k: [i * 10 for i in v] for k, v in data.items() if v})
