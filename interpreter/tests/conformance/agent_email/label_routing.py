rules = [("invoice", "Finance"), ("interview", "HR"), ("outage", "Ops"), ("offer", "HR")]
subjects = ["Invoice #77 overdue", "Interview schedule", "Partial outage in EU", "Weekly digest", "New offer letter"]
folders = {}
for s in subjects:
    folder = next((f for kw, f in rules if kw in s.lower()), "Inbox")
    folders.setdefault(folder, []).append(s)
for folder in sorted(folders):
    print(folder + ":")
    for s in folders[folder]:
        print("   " + s)
