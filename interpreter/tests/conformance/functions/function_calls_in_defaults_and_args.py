def scale(values, factor=2, offset=0):
    return [v * factor + offset for v in values]
print(scale([1, 2, 3]))
print(scale([1, 2, 3], offset=1))
print(scale(values=[0.5], factor=4))
print(scale(scale([1]), 3))
