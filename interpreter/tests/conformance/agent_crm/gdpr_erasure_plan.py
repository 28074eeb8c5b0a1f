records = [
    {"system": "crm", "email": "ana@x.com", "fields": ["name", "phone"]},
    {"system": "billing", "email": "ana@x.com", "fields": ["card_last4"]},
    {"system": "crm", "email": "ben@y.com", "fields": ["name"]},
    {"system": "analytics", "email": "ANA@x.com", "fields": ["events"]},
]
subject = "ana@x.com"
plan = [(r["system"], f) for r in records if r["email"].lower() == subject for f in r["fields"]]
for system, field in plan:
    print(f"erase {field} in {system}")
print("systems touched:", sorted({s for s, _ in plan}))
