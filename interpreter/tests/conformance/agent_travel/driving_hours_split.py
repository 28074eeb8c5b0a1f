total_km = 1250
max_per_day = 8 * 90
day = 1
remaining = total_km
while remaining > 0:
    drive = min(remaining, max_per_day)
    remaining -= drive
    print(f"day {day}: {drive} km ({drive / 90:.1f} h), {remaining} km left")
    day += 1
print("days needed:", day - 1)
