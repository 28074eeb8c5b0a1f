orders = [("CA", 100.0), ("NY", 55.5), ("OR", 80.0), ("TX", 20.0), ("CA", 12.25)]
rates = {"CA": 0.0725, "NY": 0.04, "TX": 0.0625}
collected = {}
for state, amount in orders:
    tax = round(amount * rates.get(state, 0.0), 2)
    collected[state] = collected.get(state, 0) + tax
for state, tax in sorted(collected.items()):
    print(f"{state}: {tax:6.2f}{'  (no sales tax)' if state not in rates else ''}")
print("total tax:", round(sum(collected.values()), 2))
