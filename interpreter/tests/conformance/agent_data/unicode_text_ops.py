words = ["naïve", "café", "Ångström", "東京", "emoji😀"]
for w in words:
    print(w, len(w), w.upper(), w[::-1], w.isascii())
print(sorted(words), max(words, key=len))
