leads = [
    {"name": "Acme", "employees": 1200, "visits": 14, "opened_emails": 6, "industry": "saas"},
    {"name": "Bodega", "employees": 8, "visits": 2, "opened_emails": 0, "industry": "retail"},
    {"name": "Cloudly", "employees": 300, "visits": 30, "opened_emails": 10, "industry": "saas"},
]
def score(lead):
    s = min(lead["visits"], 20) * 2 + lead["opened_emails"] * 3
    s += 20 if lead["employees"] >= 250 else 5
    s += 10 if lead["industry"] == "saas" else 0
    return s
for lead in sorted(leads, key=score, reverse=True):
    s = score(lead)
    tier = "hot" if s >= 80 else "warm" if s >= 40 else "cold"
    print(f"{lead['name']:<8}{s:>4} {tier}")
