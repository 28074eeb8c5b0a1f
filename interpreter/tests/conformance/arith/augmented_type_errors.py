# A failing x op= y names the augmented operator, as CPython does.
n = 1
for rhs in ["a", [1], None]:
    try:
        n += rhs
    except TypeError as e:
        print(e)
s = "ab"
for attempt in range(3):
    try:
        if attempt == 0:
            s -= "a"
        elif attempt == 1:
            s **= 2
        else:
            s //= 2
    except TypeError as e:
        print(e)
xs = [1]
try:
    xs -= [1]
except TypeError as e:
    print(e)
