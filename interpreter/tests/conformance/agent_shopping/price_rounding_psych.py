prices = [10.0, 24.3, 99.5, 149.0, 3.01]
def charm(p):
    whole = int(p)
    return whole + 0.99 if p - whole > 0.5 else whole - 0.01 if whole > 0 else 0.99
for p in prices:
    print(f"{p:>7.2f} -> {charm(p):>7.2f}")
print("avg change: {:+.3f}".format(sum(charm(p) - p for p in prices) / len(prices)))
