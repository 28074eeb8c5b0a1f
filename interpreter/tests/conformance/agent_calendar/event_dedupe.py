events = [
    {"title": "Sync ", "date": "2024-05-01", "time": "10:00"},
    {"title": "sync", "date": "2024-05-01", "time": "10:00"},
    {"title": "Lunch", "date": "2024-05-01", "time": "12:00"},
    {"title": "SYNC", "date": "2024-05-02", "time": "10:00"},
]
unique = {}
for e in events:
    key = (e["title"].strip().lower(), e["date"], e["time"])
    unique.setdefault(key, e)
print(len(events), "->", len(unique))
for (title, date, time), e in unique.items():
    print(date, time, repr(e["title"]))
