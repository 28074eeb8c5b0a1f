tasks = [
    {"name": "fix login bug", "impact": 5, "effort": 2, "due": 1},
    {"name": "write docs", "impact": 2, "effort": 3, "due": 10},
    {"name": "upgrade deps", "impact": 3, "effort": 5, "due": 7},
    {"name": "customer call", "impact": 4, "effort": 1, "due": 2},
]
def priority(t):
    return round(t["impact"] / t["effort"] + 3 / t["due"], 3)
plan = sorted(tasks, key=priority, reverse=True)
for i, t in enumerate(plan, 1):
    print(f"{i}. {t['name']:<15} score={priority(t)}")
quick_wins = [t["name"] for t in tasks if t["effort"] <= 2]
print("Quick wins:", quick_wins)
