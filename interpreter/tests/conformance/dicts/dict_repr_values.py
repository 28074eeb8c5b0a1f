d = {"s": "text", "n": 1, "f": 2.5, "b": True, "z": None, "l": [1], "t": (1,), "d": {}}
print(d)
print(str(d) == repr(d))
print({"quote": "it's", 'dq': 'say "x"'})
