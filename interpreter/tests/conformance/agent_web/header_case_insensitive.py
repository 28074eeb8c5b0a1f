headers = [("Content-Type", "text/html; charset=utf-8"), ("content-length", "512"), ("X-Request-Id", "abc123"), ("Set-Cookie", "a=1"), ("set-cookie", "b=2")]
merged = {}
for k, v in headers:
    merged.setdefault(k.lower(), []).append(v)
ctype, _, params = merged["content-type"][0].partition(";")
charset = params.strip().split("=")[1] if "=" in params else "ascii"
print("type:", ctype, "charset:", charset)
print("length:", int(merged["content-length"][0]))
print("cookies:", "; ".join(merged["set-cookie"]))
print("has etag:", "etag" in merged)
