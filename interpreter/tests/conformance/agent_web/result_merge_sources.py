engine_a = [("https://x.com/1", 0.9), ("https://y.com/2", 0.7), ("https://z.com/3", 0.4)]
engine_b = [("https://y.com/2", 0.95), ("https://w.com/4", 0.6), ("https://x.com/1", 0.5)]
merged = {}
for source, results in (("a", engine_a), ("b", engine_b)):
    for url, score in results:
        entry = merged.setdefault(url, {"score": 0.0, "sources": []})
        entry["score"] += score
        entry["sources"].append(source)
for url, e in sorted(merged.items(), key=lambda kv: -kv[1]["score"]):
    print("%.2f %s %s" % (e["score"], "+".join(e["sources"]), url))
