dates = ["2024-01-01", "2024-02-29", "2024-07-04", "2024-12-25"]
def day_of_week(y, m, d):
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7
names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
for s in dates:
    y, m, d = (int(p) for p in s.split("-"))
    wd = names[day_of_week(y, m, d)]
    print(s, wd, "(weekend)" if wd in ("Saturday", "Sunday") else "")
