contacts = [
    {"name": "Ana", "email": "ana@x", "phone": "1", "title": "CTO", "company": "Acme"},
    {"name": "Ben", "email": "", "phone": None, "title": "Dev", "company": "Zen"},
    {"name": "Cy", "email": "cy@z", "phone": None, "title": None, "company": None},
]
fields = ["email", "phone", "title", "company"]
for c in contacts:
    filled = [f for f in fields if c.get(f)]
    pct = len(filled) / len(fields)
    missing = sorted(set(fields) - set(filled))
    print(f"{c['name']:<4}{pct:>5.0%}  missing: {', '.join(missing) or '-'}")
