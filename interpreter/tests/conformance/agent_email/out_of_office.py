replies = [
    {"from": "sam@x.com", "body": "I am out of office until 2024-07-15."},
    {"from": "kim@x.com", "body": "Sounds good!"},
    {"from": "lee@x.com", "body": "Auto-reply: Out of Office. Back on 2024-07-08."},
]
away = []
for r in replies:
    text = r["body"].lower()
    if "out of office" in text:
        date = next((w.strip(".") for w in text.split() if w.count("-") == 2), "?")
        away.append((r["from"], date))
for who, back in sorted(away, key=lambda t: t[1]):
    print(f"{who} back {back}")
print(len(replies) - len(away), "real replies")
