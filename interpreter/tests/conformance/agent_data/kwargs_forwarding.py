def request(method, url, **options):
    parts = [method.upper(), url]
    for k in sorted(options):
        parts.append(f"{k}={options[k]!r}")
    return " ".join(parts)
def get(url, **kw):
    return request("get", url, **kw)
def post(url, *, body, **kw):
    return request("post", url, body=body, **kw)
print(get("/items", timeout=5))
print(post("/items", body={"a": 1}, retries=2))
args = ("/x",)
print(get(*args, **{"page": 2}))
