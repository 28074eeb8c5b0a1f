# Lists of ints that later take other kinds of values: every operation must see the
# same elements whatever kind the list held before.
xs = [i * i for i in range(6)]
xs.append("six")
print(xs, len(xs), xs[-1], xs[2])
ys = list(range(5))
ys[2] = None
print(ys, ys.index(None), ys.count(3))
zs = [1, 2, 3]
zs.insert(1, 1.5)
zs.insert(0, -7)
print(zs, zs.pop(), zs.pop(0), zs)
ws = [0] * 4
ws[1:3] = ["a", 2, (3,)]
print(ws, ws[1:], ws[::-1])
vs = [5, 3, 9, 1]
vs.extend(["x"])
print(vs, vs[:4], sorted(vs[:4]))
us = [3, 1, 2]
us += [True, 2.5]
print(us, sum(us), max(us), min(us))
ts = [10, 20, 30, 40, 50]
ts[::2] = ["a", "b", "c"]
print(ts)
del ts[1:3]
print(ts)
