trades = [("BTC", "buy", 0.5, 42000), ("ETH", "buy", 4, 2200), ("BTC", "sell", 0.2, 47000), ("ETH", "buy", 1, 2500), ("BTC", "buy", 0.1, 45000)]
pos = {}
cost = {}
for coin, side, qty, price in trades:
    sign = 1 if side == "buy" else -1
    pos[coin] = pos.get(coin, 0) + sign * qty
    if side == "buy":
        cost[coin] = cost.get(coin, 0) + qty * price
for coin in sorted(pos):
    print(f"{coin}: {pos[coin]:.4f} units, gross cost {cost[coin]:,.0f}")
print("biggest position by cost:", max(cost, key=cost.get))
