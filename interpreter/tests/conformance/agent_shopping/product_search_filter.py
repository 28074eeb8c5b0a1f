products = [
    {"name": "USB-C Cable 1m", "category": "cables", "price": 9.99, "rating": 4.4, "in_stock": True},
    {"name": "USB-C Cable 2m", "category": "cables", "price": 12.99, "rating": 4.6, "in_stock": False},
    {"name": "Laptop Stand", "category": "desk", "price": 39.0, "rating": 4.8, "in_stock": True},
    {"name": "Desk Lamp", "category": "desk", "price": 24.5, "rating": 3.9, "in_stock": True},
]
query = "usb"
hits = [p for p in products if query in p["name"].lower() or query == p["category"]]
hits += [p for p in products if p["category"] == "desk" and p["rating"] >= 4.5]
for p in hits:
    flag = "" if p["in_stock"] else " (out of stock)"
    print("{name:<15} ${price:>6.2f} {rating}*{flag}".format(flag=flag, **p))
