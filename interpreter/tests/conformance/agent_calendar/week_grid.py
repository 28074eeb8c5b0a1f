events = {"Mon": ["standup", "review"], "Wed": ["standup"], "Fri": ["demo", "retro", "drinks"]}
days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
rows = max(len(v) for v in events.values())
print(" | ".join(d.center(8) for d in days))
for i in range(rows):
    cells = []
    for d in days:
        items = events.get(d, [])
        cells.append((items[i] if i < len(items) else "").center(8))
    print(" | ".join(cells))
