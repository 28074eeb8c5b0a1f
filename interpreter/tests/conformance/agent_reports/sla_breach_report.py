tickets = [
    {"id": "T-1", "priority": "P1", "opened": 0, "resolved": 3.5},
    {"id": "T-2", "priority": "P2", "opened": 1, "resolved": 30},
    {"id": "T-3", "priority": "P1", "opened": 2, "resolved": 9},
    {"id": "T-4", "priority": "P3", "opened": 5, "resolved": None},
]
sla = {"P1": 4, "P2": 24, "P3": 72}
now = 100
for t in tickets:
    end = t["resolved"] if t["resolved"] is not None else now
    took = end - t["opened"]
    limit = sla[t["priority"]]
    state = "open" if t["resolved"] is None else "closed"
    verdict = "BREACH" if took > limit else "ok"
    print("%s %s %-6s %5.1fh / %2dh %s" % (t["id"], t["priority"], state, took, limit, verdict))
