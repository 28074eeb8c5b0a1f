orders = [
    {"id": "o1", "status": "shipped", "total": 120.5},
    {"id": "o2", "status": "pending", "total": 35.0},
    {"id": "o3", "status": "shipped", "total": 99.99},
    {"id": "o4", "status": "cancelled", "total": 10.0},
    {"id": "o5", "status": "pending", "total": 250.0},
]
summary = {}
for o in orders:
    s = summary.setdefault(o["status"], {"count": 0, "revenue": 0.0})
    s["count"] += 1
    s["revenue"] += o["total"]
for status, s in summary.items():
    print(f"{status:<10} {s['count']} order(s)  ${s['revenue']:,.2f}")
open_ids = [o["id"] for o in orders if o["status"] == "pending"]
print("Needs action:", ", ".join(open_ids) or "none")
