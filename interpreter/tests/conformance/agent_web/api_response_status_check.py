responses = [
    {"url": "/users", "status": 200, "body": {"count": 3}},
    {"url": "/orders", "status": 404, "body": {"error": "not found"}},
    {"url": "/health", "status": 503, "body": {}},
    {"url": "/items", "status": 201, "body": {"id": 9}},
]
for r in responses:
    code = r["status"]
    kind = {2: "ok", 4: "client error", 5: "server error"}.get(code // 100, "other")
    detail = r["body"].get("error") or ", ".join(f"{k}={v}" for k, v in r["body"].items()) or "(empty)"
    print(f"{r['url']:<8} {code} {kind:<12} {detail}")
print("success rate:", sum(200 <= r["status"] < 300 for r in responses), "/", len(responses))
