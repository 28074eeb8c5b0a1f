def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
years = [1900, 2000, 2023, 2024, 2100]
for y in years:
    print(y, "leap" if is_leap(y) else "common", 366 if is_leap(y) else 365)
print([y for y in range(2020, 2041) if is_leap(y)])
