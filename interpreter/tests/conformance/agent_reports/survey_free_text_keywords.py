comments = ["Great support, fast shipping", "Shipping was slow", "support team rude", "love the product, great price", "price too high"]
topics = {"support": 0, "shipping": 0, "price": 0, "product": 0}
sentiment = {"great": 1, "love": 1, "fast": 1, "slow": -1, "rude": -1, "high": -1}
for c in comments:
    words = c.lower().replace(",", "").split()
    score = sum(sentiment.get(w, 0) for w in words)
    for t in topics:
        if t in words:
            topics[t] += score
for t, s in sorted(topics.items(), key=lambda kv: kv[1]):
    print(f"{t:<9}{s:+d}")
