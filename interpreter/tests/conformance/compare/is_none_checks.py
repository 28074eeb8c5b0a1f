x = None
y = 0
print(x is None, y is None, x is not None, y is not None)
print(x == None, y == None)
print(None is None, [] is None, "" is None)
def maybe(v):
    if v > 0:
        return v
print(maybe(3) is None, maybe(-3) is None)
