ages_h = [1, 5, 30, 49, 100, 200, 2, 72, 23]
labels = ["<1d", "1-2d", "2-4d", ">4d"]
limits = [24, 48, 96]
counts = dict.fromkeys(labels, 0)
for a in ages_h:
    idx = sum(a >= l for l in limits)
    counts[labels[idx]] += 1
print(counts)
print("oldest:", max(ages_h), "h; median:", sorted(ages_h)[len(ages_h) // 2], "h")
