urls = [
    "https://docs.python.org/3/library/",
    "http://example.com/index.html",
    "https://www.rust-lang.org/learn",
    "https://docs.python.org/3/tutorial/",
    "ftp://files.example.com/pub",
]
domains = {}
for url in urls:
    scheme, rest = url.split("://", 1)
    host = rest.split("/", 1)[0]
    if host.startswith("www."):
        host = host[4:]
    domains[host] = domains.get(host, 0) + 1
for host, n in sorted(domains.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{host}: {n}")
