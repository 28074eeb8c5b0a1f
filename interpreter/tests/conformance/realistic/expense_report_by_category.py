expenses = [
    ("2024-06-01", "travel", 320.40),
    ("2024-06-02", "meals", 45.10),
    ("2024-06-02", "meals", 18.75),
    ("2024-06-03", "lodging", 610.00),
    ("2024-06-04", "travel", 56.00),
    ("2024-06-04", "misc", 9.99),
]
totals = {}
for date, category, amount in expenses:
    totals[category] = round(totals.get(category, 0) + amount, 2)
grand = sum(totals.values())
for category, amount in sorted(totals.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{category:<8} ${amount:>8,.2f}  {amount / grand:5.1%}")
print(f"{'TOTAL':<8} ${grand:>8,.2f}")
print("Days with spend:", len({d for d, _, _ in expenses}))
