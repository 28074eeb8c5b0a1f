cards = {"GC-1": 50.0, "GC-2": 20.0}
purchase = 62.35
paid = []
remaining = purchase
for code in sorted(cards):
    if remaining <= 0:
        break
    use = min(cards[code], remaining)
    cards[code] -= use
    remaining = round(remaining - use, 2)
    paid.append((code, use))
print("paid with cards:", paid)
print(f"charge card: {remaining:.2f}")
print("balances:", cards)
