messages = [
    ("user", "Can you find flights to Lisbon?"),
    ("assistant", "Sure. Which dates?"),
    ("user", "June 3 to June 9, economy."),
    ("assistant", "I found 3 options under 400 EUR."),
    ("user", "Book the cheapest one please"),
]
per_role = {}
for role, text in messages:
    stats = per_role.setdefault(role, {"messages": 0, "words": 0})
    stats["messages"] += 1
    stats["words"] += len(text.split())
print(per_role)
questions = [t for r, t in messages if t.endswith("?")]
print(f"{len(questions)} question(s):", questions)
print("Last user request:", [t for r, t in messages if r == "user"][-1])
