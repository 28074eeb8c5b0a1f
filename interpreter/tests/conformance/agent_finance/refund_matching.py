charges = [("ord-1", 50.0), ("ord-2", 20.0), ("ord-3", 75.5)]
refunds = [("ord-2", 20.0), ("ord-3", 25.5), ("ord-9", 10.0)]
charged = dict(charges)
for order, amt in refunds:
    if order not in charged:
        print(order, "refund without charge")
        continue
    left = charged[order] - amt
    state = "full" if left == 0 else "partial"
    print(order, state, "refund, remaining %.2f" % left)
