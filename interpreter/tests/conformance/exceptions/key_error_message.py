d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}[("t", 1)]
except KeyError as e:
    print(e)
try:
    {1: 2}[3]
except LookupError as e:
    print("lookup", e)
