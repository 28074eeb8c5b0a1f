chain = ["L1", "L2", "L3", "Engineering"]
tickets = {"T1": 0, "T2": 2, "T3": 3, "T4": 1}
for tid, level in tickets.items():
    if level + 1 < len(chain):
        print(f"{tid}: {chain[level]} -> {chain[level + 1]}")
    else:
        print(f"{tid}: already at {chain[level]}, page on-call")
