events = [
    {"title": "Standup", "start": "09:00", "end": "09:15"},
    {"title": "Design review", "start": "09:10", "end": "10:00"},
    {"title": "Lunch", "start": "12:00", "end": "13:00"},
    {"title": "1:1", "start": "12:30", "end": "13:00"},
    {"title": "Focus", "start": "14:00", "end": "16:00"},
]
def mins(t):
    h, m = t.split(":")
    return int(h) * 60 + int(m)
ordered = sorted(events, key=lambda e: mins(e["start"]))
for a, b in zip(ordered, ordered[1:]):
    if mins(b["start"]) < mins(a["end"]):
        print("conflict: %s overlaps %s by %d min" % (a["title"], b["title"], mins(a["end"]) - mins(b["start"])))
print("busy minutes:", sum(mins(e["end"]) - mins(e["start"]) for e in events))
