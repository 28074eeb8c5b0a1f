history = {"ana": {"tent", "stove", "lamp"}, "ben": {"tent", "lamp", "map"}, "cy": {"stove", "pan"}, "dee": {"tent", "stove", "lamp", "knife"}}
target = "ana"
scores = []
for other, items in history.items():
    if other == target:
        continue
    overlap = len(history[target] & items)
    jaccard = overlap / len(history[target] | items)
    scores.append((round(jaccard, 3), other))
scores.sort(reverse=True)
print(scores)
best = scores[0][1]
print("recommend:", sorted(history[best] - history[target]))
