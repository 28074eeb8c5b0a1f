xs = [1, 2, 3, 4]
ys = xs.copy()
xs.reverse()
print(xs, ys)
zs = list(xs)
zs.append(0)
print(xs, zs)
print(xs.reverse(), xs)
