bundles = [("starter", ["a", "b"], 25), ("pro", ["a", "b", "c"], 40), ("c-only", ["c"], 18), ("full", ["a", "b", "c", "d"], 55)]
prices = {"a": 12, "b": 15, "c": 18, "d": 20}
needed = {"a", "b", "c"}
options = []
for name, items, price in bundles:
    covers = needed <= set(items)
    if covers:
        options.append((price, name))
    savings = sum(prices[i] for i in items) - price
    print(f"{name:<8} covers={str(covers):<5} savings={savings}")
print("best bundle:", min(options)[1], "vs separate", sum(prices[i] for i in sorted(needed)))
