# Sets of floats (alone, with ints, in tuples) iterate in CPython's order: a float's hash is
# the same in every process.
print({-1.5, -1}, {0.1, 0.2, 0.3, 1.5, 2.5, 3}, {(1.5, 2), (0.25,), 7})
print(sorted({-1.5, -1}, key=lambda x: -x), list({2.0, 1, 0.5}), {1.0, 1, True})
prices = [19.99, 5.0, 3.25, 19.99, 0.99, 120.5, 3.25, 7.75, 1e-3, 2.5e10]
print(set(prices), {p * 2 for p in prices}, len(set(prices)))
s = {0.5, 1.25}
s.add(-3.75)
s |= {8.125, 0.5}
print(s, s - {1.25}, {x for x in s if x > 0})
print({float("inf"), -2.5, 1e308}, frozenset({0.1, 0.7}), {1e16, 1e16 + 2})
