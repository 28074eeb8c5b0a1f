votes = {"ana": ["Mon 10", "Tue 14"], "ben": ["Tue 14", "Wed 9"], "cy": ["Tue 14", "Mon 10"], "dee": ["Wed 9"]}
tally = {}
for person, slots in votes.items():
    for s in slots:
        tally[s] = tally.get(s, 0) + 1
winner = max(tally, key=lambda s: (tally[s], s))
print(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
print("winner:", winner, "with", tally[winner], "votes")
missing = [p for p, slots in votes.items() if winner not in slots]
print("can't make it:", missing)
