charges = [
    {"merchant": "Netflix", "amount": 15.49, "date": "2024-05-01"},
    {"merchant": "Uber", "amount": 23.10, "date": "2024-05-02"},
    {"merchant": "Netflix", "amount": 15.49, "date": "2024-05-01"},
    {"merchant": "Uber", "amount": 23.10, "date": "2024-05-04"},
]
seen = {}
dupes = []
for i, c in enumerate(charges):
    key = (c["merchant"], c["amount"], c["date"])
    if key in seen:
        dupes.append((seen[key], i))
    else:
        seen[key] = i
for first, again in dupes:
    c = charges[again]
    print(f"possible duplicate: #{first} and #{again} {c['merchant']} ${c['amount']}")
print(len(dupes), "duplicate(s)")
