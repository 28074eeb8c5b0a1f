nums = [-2, -1, 0, 1, 2]
print(["neg" if n < 0 else "pos" if n > 0 else "zero" for n in nums])
print([abs(n) if n < 0 else n * 10 for n in nums])
print([n for n in nums if n] or ["none"])
