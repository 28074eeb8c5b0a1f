agents = ["ana", "ben", "cy"]
tickets = ["T%d" % n for n in range(101, 109)]
skip = {"ben"}
assignment = {a: [] for a in agents}
active = [a for a in agents if a not in skip]
for i, t in enumerate(tickets):
    assignment[active[i % len(active)]].append(t)
for agent, ts in assignment.items():
    print(f"{agent}: {', '.join(ts) if ts else '(away)'}")
