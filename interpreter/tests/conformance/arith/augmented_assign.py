x = 10
x += 5
print(x)
x -= 3
x *= 4
print(x)
x //= 5
print(x)
x %= 4
x **= 3
print(x)
x /= 2
print(x)
