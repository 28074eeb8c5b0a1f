stock = {"apple": 50, "banana": 20, "cherry": 5}
orders = [("apple", 10), ("cherry", 6), ("banana", 20), ("durian", 1), ("apple", 45)]
for item, qty in orders:
    have = stock.get(item)
    if have is None:
        print(f"{item}: not stocked")
    elif qty > have:
        print(f"{item}: only {have} left, ordered {qty} -> backorder {qty - have}")
        stock[item] = 0
    else:
        stock[item] = have - qty
        print(f"{item}: shipped {qty}, {stock[item]} left")
print({k: v for k, v in stock.items() if v == 0})
