stays = [("Paris", "2024-06-01", "2024-06-04"), ("Lyon", "2024-06-04", "2024-06-06"), ("Nice", "2024-06-06", "2024-06-11")]
def day_num(d):
    y, m, dd = map(int, d.split("-"))
    return dd + sum([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][:m - 1])
total = 0
for city, check_in, check_out in stays:
    nights = day_num(check_out) - day_num(check_in)
    total += nights
    print(f"{city:<6}{check_in} -> {check_out}: {nights} night{'s' if nights != 1 else ''}")
print("trip nights:", total, "| longest:", max(stays, key=lambda s: day_num(s[2]) - day_num(s[1]))[0])
