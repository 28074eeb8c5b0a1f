a = {1, 2, 3}
b = {3, 4, 5}
print(sorted(a.union(b)), sorted(a | b))
print(sorted(a.union([9, 8], (7,))))
print(sorted(a), sorted(b))
a |= {10}
print(sorted(a))
