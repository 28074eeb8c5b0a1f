# s |= t, s &= t, s -= t and s ^= t change the set itself; a frozenset rebinds.
s = {1, 2}
t = s
s |= {3, 4}
print(sorted(t))
s -= {1}
print(sorted(t))
s ^= {5, 2}
print(sorted(t))
s &= {3, 5, 9}
print(sorted(t), s is t)
try:
    s |= [1]
except TypeError as e:
    print(e)
f = frozenset({1})
g = f
f |= {2}
print(sorted(f), sorted(g), f is g)
