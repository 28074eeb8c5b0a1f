tickets = [
    ("T1", "The app is great but export is slow"),
    ("T2", "This is unacceptable, I want a refund NOW"),
    ("T3", "How do I reset my password?"),
    ("T4", "Terrible service, cancel my account"),
]
angry_words = ["unacceptable", "refund", "terrible", "cancel"]
for tid, text in tickets:
    low = text.lower()
    anger = sum(w in low for w in angry_words)
    queue = "escalations" if anger >= 2 else "billing" if "refund" in low else "general"
    print(f"{tid} anger={anger} -> {queue}")
