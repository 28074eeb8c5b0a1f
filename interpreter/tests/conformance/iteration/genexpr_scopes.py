def last_seen(xs):
    found = any((last := x) > 2 for x in xs)
    return found, last
print(last_seen([1, 3, 5]))
g = (n := i for i in range(3))
print(list(g), n)
def make(k):
    return (x * k for x in range(3))
print(list(make(2)), list(make(5)))
rows = [[1, 2], [3, 4]]
print(list(x for row in rows for x in row if x != 2))
print([list(y + x for y in range(2)) for x in range(3)])
fns = list(lambda: i for i in range(3))
print([f() for f in fns])
try:
    next(int(v) for v in ["a"])
except ValueError as e:
    print("ValueError", e)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError", e)
z = zip([1, 2, 3], [4, 5])
print(next(z), list(z))
m = map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])
print(list(m), list(m))
e = enumerate(["a", "b"], start=10)
print(next(e), next(e), next(e, None))
r = reversed([1, 2, 3])
print(next(r), list(r))
it = filter(lambda v: v % 2, range(7))
print(next(it), sum(it))
