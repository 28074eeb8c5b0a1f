xs = [1, 2]
xs.append(3)
xs.append([4, 5])
print(xs)
xs.extend([6, 7])
xs.extend("ab")
xs.extend((8,))
print(xs, len(xs))
ys = []
ys.extend(range(3))
print(ys)
