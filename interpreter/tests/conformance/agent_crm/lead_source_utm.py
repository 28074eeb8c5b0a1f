urls = ["https://x.com/?utm_source=google&utm_medium=cpc", "https://x.com/pricing?utm_source=newsletter", "https://x.com/", "https://x.com/?ref=partner&utm_source=Google"]
sources = {}
for u in urls:
    query = u.split("?", 1)[1] if "?" in u else ""
    params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
    src = params.get("utm_source", params.get("ref", "direct")).lower()
    sources[src] = sources.get(src, 0) + 1
print(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0])))
