base, factor, cap = 0.5, 2, 8
attempts = 7
delays = []
for i in range(attempts):
    delays.append(min(base * factor ** i, cap))
print("delays:", delays)
print("total wait: %.1fs" % sum(delays))
print("first capped attempt:", next((i + 1 for i, d in enumerate(delays) if d == cap), None))
