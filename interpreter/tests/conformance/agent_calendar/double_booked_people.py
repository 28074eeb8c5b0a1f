events = [
    ("Sync", 9, 10, ["ana", "ben"]),
    ("Interview", 9, 11, ["ben", "cy"]),
    ("Lunch", 12, 13, ["ana", "cy"]),
    ("Review", 12, 14, ["cy", "dee"]),
]
clashes = []
for i, (t1, s1, e1, p1) in enumerate(events):
    for t2, s2, e2, p2 in events[i + 1:]:
        if s1 < e2 and s2 < e1:
            for person in sorted(set(p1) & set(p2)):
                clashes.append((person, t1, t2))
for person, a, b in clashes:
    print(f"{person} double-booked: {a} / {b}")
print("people affected:", sorted({c[0] for c in clashes}))
