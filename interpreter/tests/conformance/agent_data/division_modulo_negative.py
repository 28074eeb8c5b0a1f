pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2)]
for a, b in pairs:
    print(f"{a!r:>5} {b!r:>3}: // {a // b!r:>5}  % {a % b!r:>5}  divmod {divmod(a, b)}")
print(round(-2.5), round(2.5), round(3.5), round(-0.5), round(7, -1), round(15, -1), round(25, -1))
