results = [
    {"title": "Laptop A", "brand": "Acme", "price": 999, "rating": 4.5},
    {"title": "Laptop B", "brand": "Zen", "price": 650, "rating": 4.1},
    {"title": "Laptop C", "brand": "Acme", "price": 1299, "rating": 4.8},
    {"title": "Laptop D", "brand": "Orb", "price": 450, "rating": 3.9},
]
facets = {}
for r in results:
    facets.setdefault("brand", {}).setdefault(r["brand"], 0)
    facets["brand"][r["brand"]] += 1
    band = "<500" if r["price"] < 500 else "500-1000" if r["price"] < 1000 else "1000+"
    prices = facets.setdefault("price", {})
    prices[band] = prices.get(band, 0) + 1
for name, values in facets.items():
    print(name + ":", ", ".join(f"{k} ({v})" for k, v in sorted(values.items())))
