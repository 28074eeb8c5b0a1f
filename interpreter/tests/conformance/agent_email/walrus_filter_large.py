emails = [
    {"subject": "Logs", "size_kb": 1200},
    {"subject": "Memo", "size_kb": 12},
    {"subject": "Video", "size_kb": 48000},
    {"subject": "Slides", "size_kb": 3100},
]
big = [(e["subject"], mb) for e in emails if (mb := e["size_kb"] / 1024) > 1]
for subject, mb in big:
    print(f"{subject}: {mb:.2f} MB")
if (n := len(big)) > 2:
    print(f"{n} large emails, consider cleanup")
