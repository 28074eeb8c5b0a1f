urls = ["/", "/docs", "/docs/api", "/docs/api/v2", "/blog", "/blog/2024/01/post", "/about"]
by_depth = {}
for u in urls:
    depth = len([p for p in u.split("/") if p])
    by_depth.setdefault(depth, []).append(u)
for d in sorted(by_depth):
    print(d, by_depth[d])
print("deepest:", max(urls, key=lambda u: u.count("/")))
