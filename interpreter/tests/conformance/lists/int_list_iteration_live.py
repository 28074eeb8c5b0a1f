# Iterating a list of ints while it changes kind: the loop sees the list as it is now.
xs = [1, 2, 3]
seen = []
for v in xs:
    seen.append(v)
    if v == 2:
        xs.append("tail")
    if len(seen) > 10:
        break
print(seen, xs)
it = iter([4, 5, 6])
print(next(it), list(it))
ys = [0, 1, 2]
for i, v in enumerate(ys):
    if i < 3:
        ys[i] = str(v * 10)
print(ys)
r = reversed([1, 2, 3, 4])
print(next(r), next(r), list(r))
print(list(zip([1, 2, 3], ["a", "b"])), dict(zip([1, 2], [3, 4])))
nested = [[k for k in range(i)] for i in range(4)]
print(nested, [x for row in nested for x in row], len(nested[3]))
