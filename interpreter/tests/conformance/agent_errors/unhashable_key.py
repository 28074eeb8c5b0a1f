counts = {}
tags = [["urgent", "billing"], ["urgent"]]
for t in tags:
    print("tags:", t)
    counts[t] = counts.get(t, 0) + 1
