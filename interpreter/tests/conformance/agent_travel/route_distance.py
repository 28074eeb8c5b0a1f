coords = {"A": (0, 0), "B": (3, 4), "C": (6, 8), "D": (6, 0)}
route = ["A", "B", "C", "D", "A"]
total = 0
for a, b in zip(route, route[1:]):
    (x1, y1), (x2, y2) = coords[a], coords[b]
    d = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    total += d
    print(f"{a}->{b}: {d:.2f}")
print(f"total: {total:.2f} km, legs: {len(route) - 1}")
