try:
    raise ValueError
except ValueError as e:
    print(repr(str(e)), repr(e))
try:
    raise KeyError
except KeyError as e:
    print(type(e), repr(e))
