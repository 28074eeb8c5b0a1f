responses = {"kickoff": {"ana": "accepted", "ben": "declined", "cy": "tentative"}, "retro": {"ana": "accepted", "ben": "accepted"}, "party": {}}
for event, r in responses.items():
    if not r:
        print(f"{event}: no responses yet")
        continue
    summary = {}
    for person, status in r.items():
        summary.setdefault(status, []).append(person)
    parts = [f"{k}={','.join(v)}" for k, v in sorted(summary.items())]
    print(f"{event}: " + "; ".join(parts))
