tickets = [{"id": i, "status": s, "idle_days": d} for i, (s, d) in enumerate([("pending", 20), ("open", 3), ("pending", 8), ("pending", 15), ("open", 40)], 1)]
closed = []
for t in tickets:
    if t["status"] == "pending" and t["idle_days"] >= 14:
        t["status"] = "closed"
        closed.append(t["id"])
print("closed:", closed)
print("still open/pending:", [(t["id"], t["status"]) for t in tickets if t["status"] != "closed"])
