contracts = [("Acme", "2024-06-30", 48000), ("Zen", "2024-05-15", 12000), ("Orb", "2025-01-31", 30000), ("Kite", "2024-05-31", 6000)]
months = {}
for name, end, value in contracts:
    months.setdefault(end[:7], []).append((name, value))
for month in sorted(months):
    items = months[month]
    total = sum(v for _, v in items)
    print(f"{month}: {', '.join(n for n, _ in items)} (${total:,})")
next_one = min(contracts, key=lambda c: c[1])
print("next renewal:", next_one[0], "on", next_one[1])
