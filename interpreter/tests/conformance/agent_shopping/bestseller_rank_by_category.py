sales = [("books", "Dune", 120), ("books", "Emma", 45), ("games", "Chess", 80), ("books", "Odyssey", 95), ("games", "Go", 130), ("games", "Risk", 20)]
cats = {}
for cat, title, n in sales:
    cats.setdefault(cat, []).append((n, title))
for cat, items in sorted(cats.items()):
    ranked = sorted(items, reverse=True)
    top = ", ".join(f"{i}. {t} ({n})" for i, (n, t) in enumerate(ranked[:2], 1))
    print(f"{cat}: {top}")
