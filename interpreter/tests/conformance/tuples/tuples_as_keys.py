cache = {}
for a in range(3):
    for b in range(3):
        if a <= b:
            cache[(a, b)] = a * b
print(cache)
print(cache[(1, 2)], (2, 1) in cache, cache.get((2, 1), "none"))
