candidates = [
    ("doc-7", 0.88, "2024-03-01"),
    ("doc-2", 0.95, "2024-01-15"),
    ("doc-9", 0.88, "2024-04-20"),
    ("doc-4", 0.70, "2024-02-10"),
    ("doc-1", 0.95, "2023-12-31"),
]
ranked = sorted(candidates, key=lambda c: (-c[1], c[2]))
for doc, score, date in ranked:
    print(doc, f"{score:.2f}", date)
best_ids = [c[0] for c in ranked if c[1] == ranked[0][1]]
print("Best:", best_ids)
