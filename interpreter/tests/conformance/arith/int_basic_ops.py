a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(a ** 2, -a, +a)
print(b - a, b * -3)
