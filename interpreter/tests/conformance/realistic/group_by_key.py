tickets = [
    {"id": 101, "team": "infra", "priority": "high"},
    {"id": 102, "team": "web", "priority": "low"},
    {"id": 103, "team": "infra", "priority": "low"},
    {"id": 104, "team": "data", "priority": "high"},
    {"id": 105, "team": "web", "priority": "high"},
]
by_team = {}
for t in tickets:
    by_team.setdefault(t["team"], []).append(t["id"])
for team in sorted(by_team):
    ids = by_team[team]
    print(f"{team}: {len(ids)} ticket(s) -> {ids}")
high = {t["team"] for t in tickets if t["priority"] == "high"}
print("Teams with high priority:", sorted(high))
