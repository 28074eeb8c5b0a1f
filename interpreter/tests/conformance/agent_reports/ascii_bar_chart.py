data = {"Mon": 34, "Tue": 51, "Wed": 12, "Thu": 60, "Fri": 45}
peak = max(data.values())
for day, v in data.items():
    bar = "\u2588" * int(v / peak * 30)
    print(f"{day} {bar} {v}")
print(f"{'':4}{'0':<15}{peak // 2:<15}{peak}")
