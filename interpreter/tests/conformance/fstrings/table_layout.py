rows = [("apples", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 4.0)]
print(f"{'item':<12}{'qty':>5}{'price':>8}")
print("-" * 25)
for name, qty, price in rows:
    print(f"{name:<12}{qty:>5}{price:>8.2f}")
total = sum(q * p for _, q, p in rows)
print(f"{'total':<12}{'':>5}{total:>8.2f}")
