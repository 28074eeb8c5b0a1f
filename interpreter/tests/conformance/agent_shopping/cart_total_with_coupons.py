cart = [
    {"sku": "TSHIRT", "price": 19.99, "qty": 3},
    {"sku": "MUG", "price": 8.5, "qty": 2},
    {"sku": "POSTER", "price": 12.0, "qty": 1},
]
coupons = {"SAVE10": ("pct", 10), "MUGFREE": ("item", "MUG"), "FIVEOFF": ("flat", 5)}
applied = ["SAVE10", "MUGFREE", "BOGUS"]
subtotal = sum(i["price"] * i["qty"] for i in cart)
discount = 0.0
for code in applied:
    kind, value = coupons.get(code, (None, None))
    if kind == "pct":
        discount += subtotal * value / 100
    elif kind == "item":
        item = next((i for i in cart if i["sku"] == value), None)
        discount += item["price"] if item else 0
    else:
        print(f"coupon {code} not recognised")
print(f"subtotal {subtotal:.2f} discount {discount:.2f} total {subtotal - discount:.2f}")
