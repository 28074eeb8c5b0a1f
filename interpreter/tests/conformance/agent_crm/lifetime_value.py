orders = {"c1": [120.0, 80.5, 240.0], "c2": [15.0], "c3": [300.0, 310.0, 290.0, 305.0], "c4": []}
margin = 0.3
for cid, amounts in orders.items():
    if not amounts:
        print(f"{cid}: no orders")
        continue
    avg = sum(amounts) / len(amounts)
    ltv = avg * len(amounts) * margin
    print(f"{cid}: {len(amounts)} orders, avg {avg:7.2f}, LTV {ltv:7.2f}")
best = max((c for c in orders if orders[c]), key=lambda c: sum(orders[c]))
print("best customer:", best)
