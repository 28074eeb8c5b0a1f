orders = [{"id": 1, "qty": 2, "price": 9.5}, {"id": 2, "qty": "3", "price": 4.0}]
total = 0
for o in orders:
    line = o["qty"] * o["price"]
    total += line
    print("order %d: %.2f" % (o["id"], line))
print("total", total)
