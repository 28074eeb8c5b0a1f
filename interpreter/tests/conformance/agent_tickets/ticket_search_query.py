tickets = [
    {"id": 1, "status": "open", "assignee": "ana", "tags": ["bug"]},
    {"id": 2, "status": "closed", "assignee": "ben", "tags": ["bug", "ui"]},
    {"id": 3, "status": "open", "assignee": None, "tags": ["ui"]},
    {"id": 4, "status": "open", "assignee": "ben", "tags": []},
]
query = "status:open tag:ui"
filters = dict(part.split(":") for part in query.split())
def matches(t):
    if "status" in filters and t["status"] != filters["status"]:
        return False
    if "tag" in filters and filters["tag"] not in t["tags"]:
        return False
    return True
print([t["id"] for t in tickets if matches(t)])
print("unassigned open:", [t["id"] for t in tickets if t["status"] == "open" and not t["assignee"]])
