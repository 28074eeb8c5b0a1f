# Edits of a list of ints keep it in order and equal to the same list built another way.
xs = list(range(10))
xs.reverse()
xs.sort()
xs[3:6] = [100, 200]
del xs[::3]
xs.remove(200)
xs.insert(-1, -5)
print(xs, len(xs))
ys = [v for v in [0, 1, 2, 4, 5, 8, 9] if v not in (0, 9)]
print(ys, xs == ys, xs < ys, [1, 2] < [1, 2, 0], [1, 3] > [1, 2, 99])
print(xs + ys, (xs + ys)[5:9], [0, 1] * 3, 3 * [7])
zs = xs.copy()
zs.append(2 ** 70)
print(zs[-1], zs == xs, xs, sum(zs) % 1000)
big = [2 ** 62, 2 ** 62, 2 ** 62]
print(sum(big), sum(big, -2 ** 63))
grid = [[r * c for c in range(4)] for r in range(3)]
grid[1][2] = "x"
print(grid, [row[2] for row in grid], [sum(r) for r in grid if "x" not in r])
print(sorted([3, 1, 2], reverse=True), list(reversed([1, 2, 3])), [4, 5, 6].index(6))
a = [1, 2, 3]
b = a
b += [4]
a[0] = -1
print(a, b, a is b, a == [-1, 2, 3, 4], [1, 2, 3] != [1, 2, 3.0])
print([1, 2] == [1, 2.0], [1, True] == [1, 1], [[1, 2], [3]] == [[1, 2], [3]])
