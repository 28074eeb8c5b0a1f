total = 0.0
for _ in range(10):
    total += 0.1
print(total)
print(sum([0.1] * 10))
print(sum([1, 2, 3], 0.5))
print(round(total, 10) == 1.0)
print(total == 1.0)
