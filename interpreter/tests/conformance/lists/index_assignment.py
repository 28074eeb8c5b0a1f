xs = [0] * 5
for i in range(5):
    xs[i] = i * i
print(xs)
xs[-1] = "last"
xs[0] += 10
print(xs)
xs[1], xs[2] = xs[2], xs[1]
print(xs)
