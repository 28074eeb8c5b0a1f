engineers = ["ana", "ben", "cy", "dee"]
weeks = 6
start_index = 2
for w in range(weeks):
    primary = engineers[(start_index + w) % len(engineers)]
    secondary = engineers[(start_index + w + 1) % len(engineers)]
    print(f"week {w + 1}: primary {primary:<4} secondary {secondary}")
counts = {e: sum(1 for w in range(weeks) if engineers[(start_index + w) % 4] == e) for e in engineers}
print(counts)
