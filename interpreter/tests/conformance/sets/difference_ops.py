a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a.difference(b)), sorted(a - b))
print(sorted(b - a), sorted(a - a))
print(sorted(a.difference([1], [2])))
a -= {1}
print(sorted(a))
