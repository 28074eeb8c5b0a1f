quarters = [[1200, 800], [950], [400, 300, 200]]
flat = sum(quarters, [])
print(flat, sum(flat))
print(sum([0.1] * 10) == 1.0, round(sum([0.1] * 10), 10))
print(sum((x for x in flat if x > 500), 1000))
print(sum([1.5, 2.5], start=-4))
