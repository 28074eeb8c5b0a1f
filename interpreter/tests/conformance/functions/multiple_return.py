def min_max(xs):
    return min(xs), max(xs)
lo, hi = min_max([3, 8, -1])
print(lo, hi)
r = min_max("hello")
print(r, type(r))
def nothing():
    return
print(nothing(), nothing() is None)
