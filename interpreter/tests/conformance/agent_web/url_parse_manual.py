urls = ["https://shop.example.com:8443/cart/items?id=42&qty=3#top", "http://example.org/", "ftp://files.net/pub/readme.txt"]
for url in urls:
    scheme, rest = url.split("://", 1)
    rest, _, fragment = rest.partition("#")
    rest, _, query = rest.partition("?")
    host, _, path = rest.partition("/")
    host, _, port = host.partition(":")
    params = dict(p.split("=", 1) for p in query.split("&")) if query else {}
    print(f"scheme={scheme} host={host} port={port or '-'} path=/{path} params={params} frag={fragment!r}")
