hours = {"T1": 2.5, "T2": 30.0, "T3": 4.0, "T4": 75.5, "T5": 1.0, "T6": 12.0}
vals = sorted(hours.values())
n = len(vals)
median = (vals[n // 2 - 1] + vals[n // 2]) / 2 if n % 2 == 0 else vals[n // 2]
print(f"n={n} mean={sum(vals) / n:.2f}h median={median:.2f}h")
print("within 24h:", f"{sum(v <= 24 for v in vals) / n:.0%}")
print("slowest:", max(hours, key=hours.get), "fastest:", min(hours, key=hours.get))
