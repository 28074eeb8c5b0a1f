growth = 10 ** 4000
print(len(str(growth)), str(growth)[:5], str(growth)[-3:])
factorial = 1
for i in range(1, 1001):
    factorial *= i
digits = str(factorial)
print(len(digits), digits[:10], digits.rstrip("0")[-5:], len(digits) - len(digits.rstrip("0")))
try:
    int("9" * 4301)
except ValueError as e:
    print("too long:", str(e)[:44])
