events = [
    {"title": "Hack day", "tags": ["eng", "fun"]},
    {"title": "Budget", "tags": ["finance"]},
    {"title": "Launch", "tags": ["eng", "marketing"]},
    {"title": "Party", "tags": ["fun"]},
]
index = {}
for e in events:
    for t in e["tags"]:
        index.setdefault(t, []).append(e["title"])
for tag in sorted(index, key=lambda t: (-len(index[t]), t)):
    print("#%s (%d): %s" % (tag, len(index[tag]), ", ".join(index[tag])))
