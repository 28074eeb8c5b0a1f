components = {"API": "operational", "Dashboard": "degraded", "Webhooks": "operational", "Search": "outage", "Auth": "operational"}
severity = {"operational": 0, "degraded": 1, "outage": 2}
worst = max(components.values(), key=severity.get)
print("Overall:", worst.upper())
for level in sorted(severity, key=severity.get, reverse=True):
    names = [n for n, s in components.items() if s == level]
    if names:
        print(f"  {level:<12}{', '.join(names)}")
