titles = ["cannot LOGIN", "Export Fails", "API rate limit", "hello world"]
for t in titles:
    print(f"{t!r:18} title={t.istitle()!s:<5} upper_words={sum(w.isupper() for w in t.split())} swap={t.swapcase()!r}")
print([t.title() for t in titles])
