from_tz, to_tz = -5, 9
shift = to_tz - from_tz
if shift > 12:
    shift -= 24
direction = "east" if shift > 0 else "west"
days = abs(shift)
print(f"shift {shift:+d}h traveling {direction}; adjust over {min(days, 7)} days")
bed = 23
for day in range(1, min(days, 7) + 1):
    bed = (bed - 1) % 24 if direction == "east" else (bed + 1) % 24
    print(f"day {day}: sleep at {bed:02d}:00")
