thread = [
    {"from": "a@x", "to": ["b@x", "c@x"], "cc": []},
    {"from": "b@x", "to": ["a@x"], "cc": ["d@x"]},
    {"from": "c@x", "to": ["a@x", "b@x"], "cc": ["d@x", "e@x"]},
]
people = {}
for msg in thread:
    for role in ("from", "to", "cc"):
        addrs = msg[role] if isinstance(msg[role], list) else [msg[role]]
        for a in addrs:
            people.setdefault(a, set()).add(role)
for person in sorted(people):
    print(person, sorted(people[person]))
