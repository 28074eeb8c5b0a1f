values = [0.5, 1.5, 2.5, 2.675, 1.005, -0.5, 12.345]
for v in values:
    print(v, round(v), round(v, 2), f"{v:.2f}")
print(round(1234.5678, -2), round(-1234.5678, 1))
