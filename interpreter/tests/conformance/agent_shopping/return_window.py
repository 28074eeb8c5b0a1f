purchases = [("jacket", "2024-04-20", "clothing"), ("phone", "2024-03-15", "electronics"), ("book", "2024-05-01", "media")]
windows = {"clothing": 30, "electronics": 14, "media": 60}
today_ord = 31 + 29 + 31 + 30 + 5
def ord_day(d):
    y, m, dd = map(int, d.split("-"))
    return sum([31, 29, 31, 30, 31][:m - 1]) + dd
for item, date, cat in purchases:
    left = windows[cat] - (today_ord - ord_day(date))
    print(f"{item:<7}{'returnable, ' + str(left) + ' days left' if left >= 0 else 'window closed'}")
