tickets = [("T1", "urgent", 50), ("T2", "normal", 600), ("T3", "urgent", 250), ("T4", "low", 3000)]
sla_minutes = {"urgent": 240, "normal": 1440, "low": 4320}
for tid, prio, age in tickets:
    left = sla_minutes[prio] - age
    if left < 0:
        status = f"BREACHED {-left} min ago"
    else:
        h, m = divmod(left, 60)
        status = f"{h}h{m:02d}m left"
    print(tid, prio.ljust(6), status)
