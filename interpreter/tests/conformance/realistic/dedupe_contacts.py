contacts = [
    {"name": "Ann Lee", "email": "ann@x.com"},
    {"name": "ann lee", "email": "ANN@X.COM"},
    {"name": "Bo Chen", "email": "bo@y.com"},
    {"name": "Cy Diaz", "email": "cy@z.com"},
    {"name": "Bo Chen", "email": "bo@y.com "},
]
seen = set()
unique = []
for c in contacts:
    key = c["email"].strip().lower()
    if key not in seen:
        seen.add(key)
        unique.append({"name": c["name"].title(), "email": key})
print(f"{len(contacts)} contacts, {len(unique)} unique")
for c in unique:
    print(f"{c['name']} <{c['email']}>")
