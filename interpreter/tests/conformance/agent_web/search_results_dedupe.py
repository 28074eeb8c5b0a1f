results = [
    {"url": "https://docs.python.org/3/library/", "title": "Library Reference", "snippet": "The Python Standard Library"},
    {"url": "https://docs.python.org/3/library", "title": "Library Reference", "snippet": "dup without slash"},
    {"url": "http://example.com/a?utm_source=x", "title": "Example A", "snippet": "first"},
    {"url": "https://example.com/a", "title": "Example A (https)", "snippet": "second"},
    {"url": "https://news.site/story/1", "title": "Story", "snippet": "news"},
]
def canonical(url):
    url = url.split("?", 1)[0].rstrip("/")
    return url.split("://", 1)[-1].lower()
seen = {}
for r in results:
    seen.setdefault(canonical(r["url"]), r)
for key, r in seen.items():
    print("%-32s %s" % (key, r["title"]))
print("removed %d duplicates" % (len(results) - len(seen)))
