count = 0
n = 27
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    count += 1
print("collatz steps", count)
i = 10
while i > 0:
    i -= 3
print(i)
