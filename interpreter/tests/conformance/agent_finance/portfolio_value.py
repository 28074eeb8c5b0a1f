holdings = {"AAPL": 12, "MSFT": 5, "TSLA": 3, "XYZ": 100}
prices = {"AAPL": 189.25, "MSFT": 412.1, "TSLA": 176.5}
total = 0
missing = []
for sym, qty in holdings.items():
    if (price := prices.get(sym)) is None:
        missing.append(sym)
        continue
    value = qty * price
    total += value
    print(f"{sym:<5}{qty:>4} @ {price:>8.2f} = {value:>10,.2f}")
print(f"total {total:,.2f}; no price for {missing}")
