try:
    "{name} {age}".format(name="Ada")
except KeyError as e:
    print(repr(str(e)), repr(e), e.args)
try:
    "{-1}".format([1])
except KeyError as e:
    print(str(e))
try:
    "{0[b]}".format({"a": 5})
except KeyError as e:
    print(str(e))
try:
    "{}".format()
except IndexError as e:
    print(e)
try:
    "{3}".format(1, 2)
except IndexError as e:
    print(e)
