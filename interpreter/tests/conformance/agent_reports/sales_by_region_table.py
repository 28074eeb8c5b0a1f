sales = [
    {"region": "North", "rep": "ana", "amount": 1200},
    {"region": "South", "rep": "ben", "amount": 850},
    {"region": "North", "rep": "cy", "amount": 430},
    {"region": "West", "rep": "dee", "amount": 2100},
    {"region": "South", "rep": "eve", "amount": 640},
]
by_region = {}
for s in sales:
    by_region.setdefault(s["region"], []).append(s["amount"])
print("%-6s %5s %8s %8s" % ("Region", "Deals", "Total", "Avg"))
for region in sorted(by_region):
    amounts = by_region[region]
    print("%-6s %5d %8d %8.1f" % (region, len(amounts), sum(amounts), sum(amounts) / len(amounts)))
print("%-6s %5d %8d" % ("ALL", len(sales), sum(s["amount"] for s in sales)))
