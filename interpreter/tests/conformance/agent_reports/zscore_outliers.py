values = {"mon": 102, "tue": 98, "wed": 101, "thu": 250, "fri": 97, "sat": 99, "sun": 20}
n = len(values)
mean = sum(values.values()) / n
std = (sum((v - mean) ** 2 for v in values.values()) / n) ** 0.5
print(f"mean {mean:.2f} std {std:.2f}")
for day, v in values.items():
    z = (v - mean) / std
    if abs(z) > 1.5:
        print(f"outlier {day}: {v} (z={z:+.2f})")
