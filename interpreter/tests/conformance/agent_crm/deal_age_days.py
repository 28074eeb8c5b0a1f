deals = [("Acme", "2024-01-15"), ("Zen", "2024-04-28"), ("Orb", "2023-11-02")]
def days_from_epoch(date):
    y, m, d = map(int, date.split("-"))
    cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    leap = 1 if m > 2 and y % 4 == 0 else 0
    return (y - 2000) * 365 + (y - 2000 + 3) // 4 + cum[m - 1] + d + leap
today = days_from_epoch("2024-05-05")
for name, created in deals:
    age = today - days_from_epoch(created)
    print(f"{name:<5} opened {created}  {age:>4} days  {'STALE' if age > 90 else ''}".rstrip())
