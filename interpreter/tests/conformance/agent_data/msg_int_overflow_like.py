values = [10 ** 20, 2 ** 64, -(2 ** 63), 10 ** 18 * 7]
for v in values:
    print(v, len(str(v)), v // 3, v % 97, float(v))
print(int("9" * 30) + 1, 2 ** 100 // 2 ** 98)
try:
    print(float("1" + "0" * 400) * 10)
except OverflowError as e:
    print(e)
print(float(10 ** 30), int(1e20))
