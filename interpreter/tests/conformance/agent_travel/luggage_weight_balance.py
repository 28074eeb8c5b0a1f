items = [("laptop", 2.1), ("shoes", 1.4), ("books", 3.2), ("clothes", 4.5), ("camera", 1.1), ("toiletries", 0.9)]
bags = {"A": [], "B": []}
weight = {"A": 0.0, "B": 0.0}
for name, kg in sorted(items, key=lambda i: -i[1]):
    lighter = min(weight, key=weight.get)
    bags[lighter].append(name)
    weight[lighter] += kg
for b in bags:
    print(b, f"{weight[b]:.1f}kg", bags[b])
print("difference: %.1f kg" % abs(weight["A"] - weight["B"]))
