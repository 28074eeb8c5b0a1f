urls = ["https://www.bbc.co.uk/news/1", "https://bbc.co.uk/sport", "https://cnn.com/a", "https://edition.cnn.com/b", "https://www.reuters.com/c", "https://cnn.com/d"]
counts = {}
for u in urls:
    host = u.split("/")[2]
    if host.startswith("www."):
        host = host[4:]
    parts = host.split(".")
    root = ".".join(parts[-3:]) if parts[-2] == "co" else ".".join(parts[-2:])
    counts[root] = counts.get(root, 0) + 1
for d, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    print(n, d)
