line_items = [
    {"sku": "A-1", "qty": 3, "unit": 19.99},
    {"sku": "B-7", "qty": 1, "unit": 249.0},
    {"sku": "C-3", "qty": 12, "unit": 0.5},
]
subtotal = 0
for item in line_items:
    amount = item["qty"] * item["unit"]
    subtotal += amount
    print(f"{item['sku']:<5} {item['qty']:>3} x {item['unit']:>7.2f} = {amount:>8.2f}")
tax = round(subtotal * 0.08, 2)
print(f"{'Subtotal':<22}{subtotal:>9.2f}")
print(f"{'Tax (8%)':<22}{tax:>9.2f}")
print(f"{'Total':<22}{subtotal + tax:>9.2f}")
