# A plan in the style a planner model writes: data in, a summary out.
emails = [
    {"from": "alice@example.com", "subject": "Quarterly report", "words": 1200},
    {"from": "bob@example.com", "subject": "Lunch?", "words": 12},
    {"from": "alice@example.com", "subject": "Re: Quarterly report", "words": 300},
]

by_sender = {}
for mail in emails:
    by_sender.setdefault(mail["from"], []).append(mail["subject"])

longest = max(emails, key=lambda m: m["words"])
print(f"{len(emails)} emails from {len(by_sender)} senders")
for sender, subjects in sorted(by_sender.items()):
    print(f"  {sender:<20} {len(subjects)}: {', '.join(subjects)}")
print(f"longest: {longest['subject']!r} ({longest['words']:,} words)")
result = {"senders": sorted(by_sender), "longest": longest["subject"]}
