def summarize(text, limit=50):
    return text[:limit]
print(summarize("a long text here", 6))
print(summarize("another", 3, "extra"))
