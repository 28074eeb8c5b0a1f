print([i for i in range(10, 0, -3)])
print([i * i for i in range(-3, 4)])
print([r for r in range(0, 30, 5) if r % 10])
print(len([1 for _ in range(1000)]))
