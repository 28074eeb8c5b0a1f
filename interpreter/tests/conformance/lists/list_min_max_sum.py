xs = [4, -2, 7.5, 0, 3]
print(min(xs), max(xs), sum(xs))
print(sorted(xs), xs)
print(sum([]), max([], default=None))
print(len(xs), sum(xs) / len(xs))
