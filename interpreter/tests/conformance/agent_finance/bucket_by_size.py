amounts = [3.5, 12, 250, 48, 999, 1500, 7.25, 60, 0.5]
buckets = [(10, "tiny"), (100, "small"), (1000, "medium")]
counts = {label: 0 for _, label in buckets}
counts["large"] = 0
for a in amounts:
    label = next((lbl for limit, lbl in buckets if a < limit), "large")
    counts[label] += 1
for label, n in counts.items():
    print(f"{label:>6}: {'#' * n}")
