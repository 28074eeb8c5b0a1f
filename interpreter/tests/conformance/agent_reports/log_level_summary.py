log = """2024-05-01 10:00:01 INFO start
2024-05-01 10:00:05 WARN slow disk
2024-05-01 10:01:00 ERROR db timeout
2024-05-01 10:02:00 INFO retry ok
2024-05-01 10:03:30 ERROR db timeout
2024-05-01 10:04:00 DEBUG cache stats"""
levels = {}
errors = {}
for line in log.splitlines():
    date, time, level, msg = line.split(" ", 3)
    levels[level] = levels.get(level, 0) + 1
    if level == "ERROR":
        errors.setdefault(msg, []).append(time)
print(", ".join(f"{k}={v}" for k, v in sorted(levels.items())))
for msg, times in errors.items():
    print(f"{msg!r} x{len(times)} first {times[0]} last {times[-1]}")
