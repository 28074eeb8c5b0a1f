# sum() of lists and tuples of ints (added natively), and of everything that is not.
print(sum([1, 2, 3]), sum((4, 5), 10), sum([], 7), sum([2**62, 2**62, 2**62]), sum([-2**63, -1]))
print(sum([True, 2]), sum([1.5, 2]), sum([[1], [2]], []), sum(range(10)), sum([1, 2], start=5))
try:
    sum([1, "a"])
except TypeError as e:
    print(e)
xs = list(range(100000))
print(sum(xs), sum(tuple(xs)))
