offers = {
    "headphones": {"StoreA": 199.0, "StoreB": 189.5, "StoreC": 210.0},
    "charger": {"StoreA": 25.0, "StoreC": 19.99},
    "case": {"StoreB": 15.0},
}
basket = {}
for product, prices in offers.items():
    store = min(prices, key=prices.get)
    basket.setdefault(store, []).append((product, prices[store]))
for store in sorted(basket):
    items = basket[store]
    print(f"{store}: " + ", ".join(f"{p} ${v:.2f}" for p, v in items) + f" = ${sum(v for _, v in items):.2f}")
savings = sum(max(p.values()) - min(p.values()) for p in offers.values())
print(f"saved ${savings:.2f} vs worst prices")
