players = [("Zed", 15420), ("amelia", 9800), ("Bo", 123456), ("Kat", 9800)]
ranked = sorted(players, key=lambda p: (-p[1], p[0].lower()))
width = max(len(n) for n, _ in players)
for pos, (name, pts) in enumerate(ranked, 1):
    print(str(pos).rjust(2), name.ljust(width), str(pts).rjust(8, "."), sep=" | ")
