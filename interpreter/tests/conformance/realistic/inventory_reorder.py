inventory = {"widget": 4, "gizmo": 0, "doohickey": 25, "sprocket": 9}
thresholds = {"widget": 10, "gizmo": 5, "doohickey": 20, "sprocket": 5}
to_order = {}
for item, qty in inventory.items():
    need = thresholds[item] * 2 - qty
    if qty < thresholds[item]:
        to_order[item] = need
if to_order:
    print("Reorder list:")
    for item, n in sorted(to_order.items()):
        print(f"  {item}: {n} units")
else:
    print("Nothing to reorder")
print("Out of stock:", [k for k, v in inventory.items() if v == 0])
