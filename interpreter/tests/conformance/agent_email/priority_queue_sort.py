emails = [
    {"subject": "Server down", "priority": "high", "date": "2024-05-02"},
    {"subject": "Newsletter", "priority": "low", "date": "2024-05-03"},
    {"subject": "Review PR", "priority": "medium", "date": "2024-05-01"},
    {"subject": "Outage postmortem", "priority": "high", "date": "2024-05-01"},
    {"subject": "Team photo", "priority": "low", "date": "2024-04-30"},
]
rank = {"high": 0, "medium": 1, "low": 2}
ordered = sorted(emails, key=lambda e: (rank[e["priority"]], e["date"]))
for n, e in enumerate(ordered, 1):
    print("%d. [%s] %s (%s)" % (n, e["priority"].upper()[0], e["subject"], e["date"]))
