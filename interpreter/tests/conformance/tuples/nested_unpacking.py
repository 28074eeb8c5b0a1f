(a, b), c = (1, 2), 3
print(a, b, c)
name, (x, y) = "pt", [4, 5]
print(name, x, y)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
[(p, q), r] = [(7, 8), 9]
print(p, q, r)
