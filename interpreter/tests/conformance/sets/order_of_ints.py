# CPython iterates a set of ints in the order of its hash table, not insertion order.
print({3, 1, 2})
print({10, 1, 3})
print({5, 3, 1000, 17, 2, 64, 33})
print({-1, -2, 7, 8})
ids = [104, 7, 33, 1001, 7, 58, 2]
print(set(ids))
seen = set()
for i in ids:
    seen.add(i * 3)
print(seen, list(seen), sorted(seen))
print({x % 10 for x in [41, 17, 93, 25, 66, 80]})
a = {1, 2, 99, 40}
b = {40, 1000, 3}
print(a | b, a & b, a - b, b - a)
print(a.union([77, 8], {500}))
print(set(a), a.copy(), frozenset(b))
c = set(ids)
c.update([300, 12])
c |= {64}
print(c)
print(c.pop(), c)
pairs = {(1, 2), (0, 5), (3, 3), (2, 0)}
print(pairs)
print({True, 2, 0, 10**20, -(10**20)})
for v in {12, 4, 8, 0}:
    print(v, end=" ")
print()
