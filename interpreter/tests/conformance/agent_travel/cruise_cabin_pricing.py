cabins = {"inside": 899, "oceanview": 1199, "balcony": 1599, "suite": 3499}
guests = 3
nights = 7
third_guest_pct = 0.4
for cabin, price in cabins.items():
    total = price * 2 + price * third_guest_pct * (guests - 2)
    print("%-10s $%5d pp  total $%8.2f  per night $%7.2f" % (cabin, price, total, total / nights))
