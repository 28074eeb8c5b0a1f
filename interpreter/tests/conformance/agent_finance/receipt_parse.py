receipt = """MILK 2% 1GAL    3.49
BREAD WHEAT    2.99
EGGS DOZEN     4.29
COUPON        -1.00
SUBTOTAL       9.77
TAX            0.78
TOTAL         10.55"""
items = {}
for line in receipt.splitlines():
    name, _, price = line.rpartition(" ")
    items[name.strip()] = float(price)
lines = {k: v for k, v in items.items() if k not in ("SUBTOTAL", "TAX", "TOTAL")}
print("items:", len(lines))
print("computed subtotal %.2f vs printed %.2f" % (sum(lines.values()), items["SUBTOTAL"]))
print("check total:", round(items["SUBTOTAL"] + items["TAX"], 2) == items["TOTAL"])
