emails = [
    {"from": "alice@corp.com", "subject": "Q3 budget", "unread": True, "size": 1200},
    {"from": "bob@vendor.io", "subject": "Invoice #4411", "unread": False, "size": 800},
    {"from": "carol@corp.com", "subject": "Offsite plan", "unread": True, "size": 4300},
    {"from": "news@list.org", "subject": "Weekly digest", "unread": True, "size": 15000},
]
unread = [e for e in emails if e["unread"]]
print(f"You have {len(unread)} unread emails:")
for e in unread:
    print(f"- {e['subject']} (from {e['from']})")
internal = [e["from"] for e in unread if e["from"].endswith("@corp.com")]
print("Internal senders:", ", ".join(internal))
