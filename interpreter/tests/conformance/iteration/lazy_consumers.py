xs = [1, 2]
for v in xs:
    if v < 5:
        xs.append(v + 2)
print(xs)
it = iter([1, 2])
lst = [1]
it2 = iter(lst)
lst.append(5)
print(list(it2))
print(list(reversed([1, 2, 3])), sum(i for i in range(5)), any(i > 2 for i in range(5)), all(i < 2 for i in range(5)))
def f(n):
    return (i * n for i in range(3))
print(list(f(3)))
print([sum(x * y for y in range(3)) for x in range(3)])
print(sorted(x for x in [3, 1, 2]), "".join(c.upper() for c in "ab"), dict((k, 1) for k in "ab"), set(i % 2 for i in range(4)))
a, b = (i for i in range(2))
print(a, b, 3 in (i for i in range(5)))
g = (1 / 0 for i in range(2))
try:
    next(g)
except ZeroDivisionError as e:
    print("zde", e)
print(next(g, "finished"))
print(max(i for i in [1, 5, 2]), min(map(abs, [-3, 2])))
g = (i for i in range(10))
print(3 in g, next(g), list(zip(g, "ab")), next(g))
