prices = {"apple": 1.25, "bread": 2.5, "milk": 0.99}
for k in prices:
    print(k, prices[k])
for k, v in prices.items():
    print(f"{k}={v}")
total = 0
for v in prices.values():
    total += v
print(round(total, 2))
