events = [
    {"title": "Kickoff", "attendees": ["ana", "ben", "cy", "dee"]},
    {"title": "Sync", "attendees": ["ana", "ben"]},
    {"title": "Retro", "attendees": ["ben", "cy", "dee", "eve"]},
    {"title": "Demo", "attendees": ["ana", "eve"]},
]
load = {}
for e in events:
    for person in e["attendees"]:
        load.setdefault(person, []).append(e["title"])
for person, titles in sorted(load.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(f"{person:<4}{len(titles)}  {', '.join(titles)}")
