events = [
    {"title": "Standup", "start": 9, "duration": 15, "attendees": ["a", "b", "c"]},
    {"title": "Design review", "start": 11, "duration": 60, "attendees": ["a", "d"]},
    {"title": "1:1", "start": 14, "duration": 30, "attendees": ["a", "e"]},
    {"title": "Retro", "start": 16, "duration": 45, "attendees": ["a", "b", "c", "d", "e"]},
]
total = sum(e["duration"] for e in events)
print(f"{len(events)} meetings, {total // 60}h {total % 60}m total")
for e in sorted(events, key=lambda e: -len(e["attendees"])):
    print(f"{e['start']:02d}:00  {e['title']:<14} {len(e['attendees'])} people")
busiest = max(events, key=lambda e: e["duration"])
print("Longest:", busiest["title"])
