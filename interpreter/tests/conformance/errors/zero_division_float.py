weights = [1.5, 3.0]
print(weights[0] / weights[1])
print(weights[0] / 0.0)
