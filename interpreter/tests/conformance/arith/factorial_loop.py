n = 1
for i in range(1, 31):
    n = n * i
print(n)
print(n // (10 ** 20))
print(n % 1000003)
