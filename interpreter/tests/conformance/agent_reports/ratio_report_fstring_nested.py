metrics = {"cpu": (45.2, 100), "mem": (12.8, 16), "disk": (410, 500)}
w = 6
for name, (used, cap) in metrics.items():
    pct = used / cap
    print(f"{name:<{w}}{used:>{w}.1f}/{cap:<{w}}{pct:>{w + 2}.1%}{' !' if pct > 0.75 else ''}")
