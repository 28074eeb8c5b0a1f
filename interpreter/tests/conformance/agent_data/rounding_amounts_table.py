amounts = [0.125, 0.375, 2.675, 1.005, 1234.5678, 1e15 + 0.3, 2.5, 3.5, -1.25]
for a in amounts:
    print(f"{a!r:>22} -> {round(a, 2)!r:>20} {round(a, 1)!r:>20} {round(a)!r:>18}")
print(round(123.456, -1), round(-0.5), round(0.05, 1), round(0.15, 1), round(0.25, 1))
