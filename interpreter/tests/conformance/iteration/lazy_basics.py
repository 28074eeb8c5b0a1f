x = 1
g = (x + i for i in range(3))
x = 10
print(list(g))
print(next((int(v) for v in ["1", "a"]), None))
calls = []
def fetch(q):
    calls.append(q)
    return q * 2
for r in map(fetch, [1, 2, 3]):
    break
print(calls)
g = (i * i for i in range(3))
print(iter(g) is g, next(g), next(g), next(g), next(g, "done"))
try:
    next(g)
except StopIteration:
    print("stop")
print(list(zip([1, 2, 3], "ab")))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
print(list(enumerate("abc", 1)), list(filter(None, [0, 1, 2, ""])))
