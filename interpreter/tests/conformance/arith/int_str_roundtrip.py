n = 12345678901234567890
s = str(n)
print(s, len(s))
print(int(s) == n)
print(str(-0), str(-5), str(10 ** 25))
print(str(1.5), str(1e100), str(-2.0))
print(repr(3), repr(2.50))
