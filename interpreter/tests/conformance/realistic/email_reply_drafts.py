threads = [
    {"sender": "Priya", "topic": "contract renewal", "days_waiting": 6},
    {"sender": "Tom", "topic": "lunch", "days_waiting": 1},
    {"sender": "Legal", "topic": "NDA review", "days_waiting": 12},
]
drafts = []
for t in threads:
    if t["days_waiting"] < 3:
        continue
    urgency = "URGENT: " if t["days_waiting"] > 10 else ""
    body = f"Hi {t['sender']},\nFollowing up on the {t['topic']}. Sorry for the {t['days_waiting']}-day delay."
    drafts.append(urgency + body)
print(f"{len(drafts)} drafts")
print("\n---\n".join(drafts))
