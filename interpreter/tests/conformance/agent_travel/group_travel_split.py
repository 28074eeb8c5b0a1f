expenses = [("ana", 300, ["ana", "ben", "cy"]), ("ben", 90, ["ben", "cy"]), ("cy", 60, ["ana", "ben", "cy"])]
balance = {}
for payer, amount, shared in expenses:
    share = amount / len(shared)
    balance[payer] = balance.get(payer, 0) + amount
    for p in shared:
        balance[p] = balance.get(p, 0) - share
for p, b in sorted(balance.items()):
    print(f"{p}: {'gets' if b > 0 else 'owes'} {abs(b):.2f}")
print("sum check:", round(sum(balance.values()), 6))
