logs = [
    "2024-05-01 10:00:01 INFO service started",
    "2024-05-01 10:00:05 WARN disk usage 85%",
    "2024-05-01 10:01:12 ERROR connection refused: db",
    "2024-05-01 10:02:00 INFO request handled",
    "2024-05-01 10:03:33 ERROR timeout after 30s",
]
levels = {}
errors = []
for line in logs:
    date, time, level, message = line.split(" ", 3)
    levels[level] = levels.get(level, 0) + 1
    if level == "ERROR":
        errors.append(f"{time} {message}")
print(levels)
print("\n".join(errors))
