gross = 4250.00
deductions = {"federal": 0.12, "state": 0.045, "social security": 0.062, "medicare": 0.0145}
lines = [(name.title(), round(gross * rate, 2)) for name, rate in deductions.items()]
width = max(len(n) for n, _ in lines)
print(f"{'Gross':<{width}}  {gross:>9.2f}")
for name, amt in lines:
    print(f"{name:<{width}} -{amt:>9.2f}")
net = gross - sum(a for _, a in lines)
print(f"{'Net':<{width}}  {net:>9.2f}")
