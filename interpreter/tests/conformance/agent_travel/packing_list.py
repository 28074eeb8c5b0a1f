trip = {"days": 5, "climate": "cold", "business": True, "swim": False}
items = {"socks": trip["days"] + 1, "shirts": trip["days"], "toothbrush": 1}
if trip["climate"] == "cold":
    items.update(coat=1, gloves=1, scarf=1)
if trip["business"]:
    items["suit"] = 1
    items["shirts"] += 2
if trip["swim"]:
    items["swimsuit"] = 1
for name, qty in sorted(items.items()):
    print(f"[ ] {name:<10} x{qty}")
print("total items:", sum(items.values()))
