# Dict and list processing: word counts, grouping, sorting, merging records,
# about 10^6 interpreter steps over pseudo-random (deterministic) data.
vocab = ["budget", "roadmap", "hiring", "invoice", "lunch", "contract", "review",
         "agenda", "price", "update", "team", "plan", "draft", "legal", "finance",
         "report", "meeting", "client", "travel", "expense", "quarter", "launch"]
seed = 12345
words = []
for i in range(120000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    words.append(vocab[(seed >> 16) % len(vocab)])
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
by_first = {}
for w, n in counts.items():
    by_first.setdefault(w[0], []).append((w, n))
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
records = []
for i in range(30000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    records.append({"id": i, "owner": vocab[seed % len(vocab)], "amount": (seed >> 8) % 10000, "open": seed % 3 != 0})
groups = {}
for r in records:
    if r["open"]:
        g = groups.get(r["owner"])
        if g is None:
            g = {"n": 0, "total": 0, "ids": []}
            groups[r["owner"]] = g
        g["n"] += 1
        g["total"] += r["amount"]
        g["ids"].append(r["id"])
top = sorted(records, key=lambda r: (-r["amount"], r["id"]))[:50]
merged = {}
for r in records[:5000]:
    key = (r["owner"], r["amount"] // 1000)
    merged[key] = merged.get(key, []) + [r["id"]]
pairs = list(zip(words[:1000], words[1:1001]))
bigrams = {}
for a, b in pairs:
    k = a + "-" + b
    bigrams[k] = bigrams.get(k, 0) + 1
checksum = 0
for w, n in ranked:
    checksum = (checksum * 31 + n) % 1000000007
for owner in sorted(groups):
    g = groups[owner]
    checksum = (checksum * 31 + g["n"] * 7 + g["total"] + sum(g["ids"][:10])) % 1000000007
for r in top:
    checksum = (checksum * 31 + r["id"]) % 1000000007
print(f"words={len(words)} distinct={len(counts)} letters={len(by_first)} top={ranked[0]}")
print(f"groups={len(groups)} merged={len(merged)} bigrams={len(bigrams)} best={top[0]['amount']}")
print(f"checksum {checksum}")
