shifts = {"ana": (0, 8), "ben": (8, 16), "cy": (12, 20), "dee": (20, 24)}
for hour in range(0, 24, 3):
    on = [a for a, (s, e) in shifts.items() if s <= hour < e]
    print(f"{hour:02d}:00 {len(on)} {'/'.join(on) or 'NOBODY'}")
gaps = [h for h in range(24) if not any(s <= h < e for s, e in shifts.values())]
print("uncovered hours:", gaps)
