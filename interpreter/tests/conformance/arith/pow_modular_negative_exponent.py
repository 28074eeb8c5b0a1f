# Three-argument pow: negative exponents invert the base, the result takes the modulus's sign.
print(pow(3, -1, 7), pow(-3, -2, 7), pow(38, -1, 97))
print(pow(1, -1, -7), pow(2, -1, -7), pow(3, 2, -7))
print(pow(0, -1, 1), pow(5, 0, 1), pow(5, 0, -1), pow(10**20, 3, 13))
for base, exp, mod in [(2, -1, 4), (2, 3, 0), (0, -2, 5)]:
    try:
        print(pow(base, exp, mod))
    except ValueError as e:
        print("ValueError:", e)
try:
    print(pow(2.0, 3, 5))
except TypeError as e:
    print("TypeError:", e)
