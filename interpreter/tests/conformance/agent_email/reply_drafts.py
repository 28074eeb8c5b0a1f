inbox = [
    ("Maya", "Can we move the call?", "2024-06-01"),
    ("Liam", "Contract attached", "2024-06-02"),
    ("Noor", "Quick question on pricing", "2024-06-02"),
]
template = "Hi %s,\nThanks for your note about \"%s\" (%s). I'll reply shortly.\n"
for i, (name, subject, date) in enumerate(inbox, start=1):
    print("--- draft %d ---" % i)
    print(template % (name, subject.lower(), date), end="")
