paths = ["/docs/guide/install", "/", "/blog/2024/05/hello-world", "/about-us/"]
for p in paths:
    parts = [x for x in p.split("/") if x]
    crumbs = ["Home"] + [x.replace("-", " ").title() for x in parts]
    print(" > ".join(crumbs))
