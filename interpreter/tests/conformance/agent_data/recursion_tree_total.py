org = {"name": "ceo", "cost": 300, "reports": [{"name": "cto", "cost": 250, "reports": [{"name": "dev", "cost": 120, "reports": []}, {"name": "dev2", "cost": 110, "reports": []}]}, {"name": "cfo", "cost": 240, "reports": []}]}
def total(node, depth=0):
    print("  " * depth + node["name"], node["cost"])
    return node["cost"] + sum(total(r, depth + 1) for r in node["reports"])
print("total:", total(org))
def height(node):
    return 1 + max((height(r) for r in node["reports"]), default=0)
print("depth:", height(org))
