customers = {"ana": [120, 80, 300], "ben": [20, 15], "cy": [900, 450, 120, 60], "dee": []}
tiers = [(1000, "platinum"), (500, "gold"), (100, "silver"), (0, "basic")]
for name, orders in customers.items():
    spent = sum(orders)
    tier = next(t for floor, t in tiers if spent >= floor)
    nxt = next(((floor, t) for floor, t in reversed(tiers) if floor > spent), None)
    msg = f"{nxt[0] - spent} to {nxt[1]}" if nxt else "top tier"
    print(f"{name:<4}{spent:>5} {tier:<9}{msg}")
