# The KeyError of an empty dict's popitem() and an empty set's pop().
d = {"a": 1, "b": 2}
print(d.popitem(), d.popitem(), d)
try:
    d.popitem()
except KeyError as e:
    print(e)
    print(repr(e), e.args)
s = {7}
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print(e)
    print(repr(e))
