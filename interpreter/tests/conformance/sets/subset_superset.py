a = {1, 2}
b = {1, 2, 3}
print(a.issubset(b), b.issubset(a), a.issubset(a))
print(b.issuperset(a), a.issuperset(b))
print(a.issubset([1, 2, 5]), set().issubset(a))
print(a <= b, a < b, b >= a, a.isdisjoint({7, 8}))
