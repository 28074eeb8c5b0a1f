requests = [("Board", 10, 12, 1), ("Team lunch", 11, 13, 3), ("Interview", 12, 13, 2), ("Gym", 17, 18, 5)]
accepted = []
for title, s, e, prio in sorted(requests, key=lambda r: r[3]):
    clash = next((a for a in accepted if s < a[2] and a[1] < e), None)
    if clash:
        print(f"drop {title} (clashes with {clash[0]})")
    else:
        accepted.append((title, s, e))
print("schedule:", [(t, s) for t, s, e in sorted(accepted, key=lambda a: a[1])])
