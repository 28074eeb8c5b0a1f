contacts = [
    {"name": "Ana Lima", "email": "ana@x.com", "phone": None, "company": "Acme"},
    {"name": "ana lima", "email": "ANA@X.COM", "phone": "555-0101", "company": None},
    {"name": "Ben Ode", "email": "ben@y.com", "phone": "555-0199", "company": "Zen"},
]
merged = {}
for c in contacts:
    key = c["email"].lower()
    target = merged.setdefault(key, {})
    for field, value in c.items():
        if value and not target.get(field):
            target[field] = value
for email, c in merged.items():
    print(email, "|", c["name"], "|", c.get("phone") or "-", "|", c.get("company") or "-")
print(len(contacts), "records ->", len(merged), "contacts")
