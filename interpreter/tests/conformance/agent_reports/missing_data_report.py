records = [
    {"id": 1, "name": "Ann", "email": "ann@x", "phone": None},
    {"id": 2, "name": "", "email": "bo@x", "phone": "555"},
    {"id": 3, "name": "Cy", "email": None, "phone": None},
]
fields = ["name", "email", "phone"]
for f in fields:
    missing = [r["id"] for r in records if not r.get(f)]
    print(f"{f:<6} missing in {len(missing)}/{len(records)}: {missing}")
complete = [r["id"] for r in records if all(r.get(f) for f in fields)]
print("complete records:", complete or "none")
