ratings = [("ana", 5), ("ben", 3), ("ana", 4), ("cy", 5), ("ben", 2), ("cy", 4), ("ana", 5)]
agents = {}
for agent, r in ratings:
    agents.setdefault(agent, []).append(r)
board = sorted(((sum(v) / len(v), len(v), a) for a, v in agents.items()), reverse=True)
for avg, n, a in board:
    print(f"{a:<4}{avg:.2f} ({n} ratings) {'*' * round(avg)}")
