# Plain operands at the edges the inline paths hand back: i64 overflow, floor
# division and modulo signs, shifts, division by zero, NaN and signed zeros.
big = 9223372036854775807
small = -9223372036854775808
print(big + 1, small - 1, big * 2, small * -1, small // -1, small % -1)
print(-7 // 2, 7 // -2, -7 % 3, 7 % -3, -7 % -3, 0 % 5)
print(1 << 62, 1 << 63, 1 << 64, -1 << 63, 5 >> 70, -5 >> 70, -5 >> 1)
x = big
x += 1
y = small
y -= 1
z = 3
z *= big
print(x, y, z)
f = 1.5
f += 2.25
f *= -2.0
f /= 4.0
print(f, 1e308 * 10, -1e308 * 10, 0.1 + 0.2, 1.0 - 1.0, -0.0 * 1.0)
nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan < 1.0, nan >= nan, inf > 1e308, -inf < -1e308)
print(0.0 == -0.0, 2 < 3, 3 <= 3, 4 != 4, 5 > 6, 7 >= 7, 8 == 8)
n = 0
for i in range(5):
    if i * i > 6:
        n += i
    elif i % 2 == 0:
        n -= 1
print(n)
def attempt(f):
    try:
        print(f())
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for a, b in [(1.0, 0.0), (1, 0)]:
    attempt(lambda: a / b)
    attempt(lambda: a // b)
    attempt(lambda: a % b)
attempt(lambda: 1 << -1)
