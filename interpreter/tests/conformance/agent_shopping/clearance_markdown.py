items = [("coat", 180.0, 120), ("scarf", 25.0, 15), ("boots", 140.0, 95), ("hat", 30.0, 20)]
for name, price, days_listed in items:
    steps = days_listed // 30
    markdown = min(steps * 0.2, 0.6)
    new_price = round(price * (1 - markdown), 2)
    print("{:<6}{:>8.2f} -> {:>7.2f} ({:.0%} off after {} days)".format(name, price, new_price, markdown, days_listed))
