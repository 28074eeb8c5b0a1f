try:
    {}["k"]
except LookupError:
    print("LookupError handler")
except KeyError:
    print("KeyError handler (never)")
try:
    [][1]
except (KeyError, ZeroDivisionError):
    print("wrong")
except Exception as e:
    print("generic", type(e))
