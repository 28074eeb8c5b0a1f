order = {"tv": ("warehouse-east", 1), "cable": ("warehouse-west", 3), "remote": ("warehouse-east", 1), "mount": ("vendor", 1)}
shipments = {}
for item, (source, qty) in order.items():
    shipments.setdefault(source, []).append(f"{item} x{qty}")
for i, (source, items) in enumerate(sorted(shipments.items()), 1):
    print(f"shipment {i}/{len(shipments)} from {source}: {', '.join(items)}")
