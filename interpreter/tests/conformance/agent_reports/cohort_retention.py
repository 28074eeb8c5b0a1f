cohorts = {"2024-01": [100, 62, 48, 40], "2024-02": [120, 80, 61], "2024-03": [90, 50]}
print("cohort  " + "".join(f"  M{i}" for i in range(4)))
for name, counts in cohorts.items():
    base = counts[0]
    cells = "".join(f"{c / base:5.0%}" for c in counts)
    print(f"{name} {cells}")
