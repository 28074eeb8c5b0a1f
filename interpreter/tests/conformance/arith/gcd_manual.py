def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))
print(gcd(2 ** 64, 2 ** 40 * 3))
def lcm(a, b):
    return a * b // gcd(a, b)
print(lcm(4, 6), lcm(21, 6))
