results = [
    {"title": "Rust ownership explained", "url": "https://a.dev/own", "score": 0.82},
    {"title": "Python GIL deep dive", "url": "https://b.dev/gil", "score": 0.91},
    {"title": "Borrow checker tips", "url": "https://c.dev/borrow", "score": 0.77},
    {"title": "Async Rust in practice", "url": "https://a.dev/async", "score": 0.91},
    {"title": "Unrelated cooking blog", "url": "https://d.com/pie", "score": 0.12},
]
relevant = [r for r in results if r["score"] >= 0.5]
top = sorted(relevant, key=lambda r: r["score"], reverse=True)[:3]
for rank, r in enumerate(top, 1):
    print(f"{rank}. {r['title']} [{r['score']:.2f}] {r['url']}")
print(f"Filtered out {len(results) - len(relevant)} low-score result(s)")
