# round(f, -n) rounds the exact binary value, half to even; too large overflows.
for f in [1e300, 1.7e308, 4.0, 5.0, 6.0, 15.0, 25.0, -25.0, -4.0, 123.456, 0.5e-300, 1234567.891, 2.5e15, 9.5]:
    for n in [-1, -2, -300, -308, -309, 1, 2, 320, 330]:
        try:
            print(f, n, round(f, n))
        except OverflowError as e:
            print(f, n, e)
for i in [25, 35, -25, 15, 149, 150, 250, 10**20 + 5 * 10**19]:
    print(i, round(i, -1), round(i, -2), round(i, -20))
