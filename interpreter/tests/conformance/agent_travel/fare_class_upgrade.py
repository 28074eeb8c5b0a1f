bookings = [("ana", "Y", 1200), ("ben", "B", 300), ("cy", "Y", 4000), ("dee", "M", 800)]
ladder = ["M", "B", "Y", "J"]
upgrade_cost = {"M": 500, "B": 800, "Y": 2500}
for name, fare, points in bookings:
    i = ladder.index(fare)
    nxt = ladder[i + 1] if i + 1 < len(ladder) else None
    cost = upgrade_cost.get(fare)
    if cost and points >= cost:
        print(f"{name}: {fare} -> {nxt} for {cost} pts ({points - cost} left)")
    else:
        print(f"{name}: stays in {fare} (needs {cost - points if cost else 0} more)")
