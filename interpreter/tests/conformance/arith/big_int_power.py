x = 2 ** 200
print(x)
print(x + 1)
print(x // 3, x % 7)
print(-(2 ** 100))
print(len(str(x)))
