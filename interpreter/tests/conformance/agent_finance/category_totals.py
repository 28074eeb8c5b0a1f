txns = [
    {"amount": 42.5, "category": "groceries", "date": "2024-05-01"},
    {"amount": 1200, "category": "rent", "date": "2024-05-01"},
    {"amount": 18.75, "category": "dining", "date": "2024-05-03"},
    {"amount": 63.2, "category": "groceries", "date": "2024-05-08"},
    {"amount": 31.0, "category": "dining", "date": "2024-05-09"},
]
totals = {}
for t in txns:
    totals[t["category"]] = totals.get(t["category"], 0) + t["amount"]
grand = sum(totals.values())
for cat, amt in sorted(totals.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{cat:<10} ${amt:>9,.2f} {amt / grand:6.1%}")
print(f"{'TOTAL':<10} ${grand:>9,.2f}")
