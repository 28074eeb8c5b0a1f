orders = [("A", 5), ("B", 0), ("C", -1), ("D", 3)]
for name, qty in orders:
    if qty == 0:
        print("skip empty", name)
        continue
    if qty < 0:
        print("invalid order", name)
        break
    print("process", name, qty)
else:
    print("all orders processed")
for x in []:
    pass
else:
    print("empty loop else runs")
