cart = [["apple", 3], ["pear", 1], ["kiwi", 5]]
updates = {"pear": 0, "kiwi": 2, "plum": 4}
for name, qty in updates.items():
    row = next((r for r in cart if r[0] == name), None)
    if row is None:
        cart.append([name, qty])
    elif qty == 0:
        cart.remove(row)
    else:
        row[1] = qty
print(cart)
print("items:", sum(q for _, q in cart))
