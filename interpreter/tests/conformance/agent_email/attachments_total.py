emails = [
    {"subject": "Photos", "attachments": [{"name": "a.jpg", "size": 2048000}, {"name": "b.jpg", "size": 1536000}]},
    {"subject": "Notes", "attachments": []},
    {"subject": "Deck", "attachments": [{"name": "deck.pdf", "size": 5242880}]},
]
def human(n):
    for unit in ["B", "KB", "MB", "GB"]:
        if n < 1024:
            return "%.1f %s" % (n, unit)
        n /= 1024
    return "%.1f TB" % n
total = 0
for e in emails:
    size = sum(a["size"] for a in e["attachments"])
    total += size
    print("%-8s %2d file(s) %10s" % (e["subject"], len(e["attachments"]), human(size)))
print("All attachments:", human(total))
