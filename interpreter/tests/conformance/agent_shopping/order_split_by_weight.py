items = [("anvil", 30.0), ("rope", 2.0), ("bucket", 1.5), ("hammer", 1.2), ("sandbag", 20.0), ("nails", 0.5)]
max_box = 25.0
boxes = []
for name, kg in sorted(items, key=lambda i: -i[1]):
    for box in boxes:
        if box["kg"] + kg <= max_box:
            box["items"].append(name)
            box["kg"] += kg
            break
    else:
        boxes.append({"items": [name], "kg": kg})
for i, b in enumerate(boxes, 1):
    note = " (OVERWEIGHT)" if b["kg"] > max_box else ""
    print(f"box {i}: {b['kg']:.1f}kg {b['items']}{note}")
