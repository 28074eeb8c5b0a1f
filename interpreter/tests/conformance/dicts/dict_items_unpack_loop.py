inventory = {"widgets": 5, "gadgets": 0, "doohickeys": 12}
for name, qty in inventory.items():
    status = "out" if qty == 0 else "in stock"
    print(f"{name:<12}{qty:>3} {status}")
restock = [k for k, v in inventory.items() if v < 6]
print(restock)
