queue = ["a", "b", "c", "d"]
processed = []
while queue:
    item = queue.pop(0)
    processed.append(item.upper())
    if item == "b":
        queue.append("e")
print(processed, queue)
