emails = [
    {"id": 1, "sender": "alice@acme.com", "subject": "Q3 report", "read": False},
    {"id": 2, "sender": "bob@acme.com", "subject": "Lunch?", "read": True},
    {"id": 3, "sender": "alice@acme.com", "subject": "Re: Q3 report", "read": False},
    {"id": 4, "sender": "carol@vendor.io", "subject": "Invoice 442", "read": False},
]
counts = {}
for e in emails:
    if not e["read"]:
        counts[e["sender"]] = counts.get(e["sender"], 0) + 1
for sender, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    print("%s: %d unread" % (sender, n))
print("total unread:", sum(counts.values()))
