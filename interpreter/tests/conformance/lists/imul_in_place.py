# xs *= n repeats the list in place: aliases see it; n <= 0 empties it.
xs = [1, 2]
ys = xs
xs *= 2
print(xs, ys, xs is ys)
xs *= 0
print(ys)
zs = ["a"]
alias = zs
zs *= -3
print(alias)
t = (1, 2)
u = t
t *= 2
print(t, u)
