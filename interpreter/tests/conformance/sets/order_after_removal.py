# Removing items keeps the others where CPython keeps them.
s = {9, 1, 17, 5}
s.discard(1)
s.remove(17)
print(s)
t = {100, 4, 52, 8}
t.pop()
print(t)
u = set(range(20, 0, -3))
u.discard(11)
print(u, len(u))
