rules = [
    {"match": "invoice", "reply": "Forwarded to accounting."},
    {"match": "urgent", "reply": "On-call engineer notified."},
]
incoming = ["Invoice for March", "Hello there", "URGENT: prod down", "urgent invoice"]
for subj in incoming:
    replies = [r["reply"] for r in rules if r["match"] in subj.lower()]
    if not replies:
        print(f"{subj!r}: no auto-reply")
        continue
    print(f"{subj!r}: " + " | ".join(replies))
