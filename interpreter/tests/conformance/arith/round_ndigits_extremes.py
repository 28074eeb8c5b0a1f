# round() with ndigits of any size: clamped for floats; ints round to 0 past their length.
print(round(2.4, 10**20), round(2.4, -(10**20)), round(-2.4, -(10**20)), round(7, 10**20))
print(round(6 * 10**450, -451), round(5 * 10**450, -451), round(15 * 10**450, -451) == 2 * 10**451)
print(round(10**500, -401) == 10**500, round(123456, -7), round(-987654, -6), round(5, -1))
print(round(2.5, True), round(7, False), round(25, -1), round(35, -1), round(-25, -1))
print(round(1.25, 1), round(2.675, 2), round(-0.5), round(0.5), round(1.5), round(1e300, -299))
