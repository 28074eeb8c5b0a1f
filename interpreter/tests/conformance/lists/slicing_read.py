xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-2:])
print(xs[::2], xs[::-1], xs[8:2:-2])
print(xs[5:1], xs[100:])
copy = xs[:]
copy.append(10)
print(len(xs), len(copy))
