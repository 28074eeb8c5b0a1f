xs = list(range(10))
print(xs[::2], xs[1::3], xs[::-1], xs[-3:], xs[:-7], xs[8:2:-2], xs[100:], xs[-100:2])
s = "planner"
print(s[::-1], s[1:-1], s[::3], s[-1], s[2:100], s[5:1])
xs[2:5] = ["a"]
print(xs)
xs[::3] = [0] * len(xs[::3])
print(xs)
