tickets = [
    {"id": 501, "title": "Cannot log in after password reset", "body": "login page spins forever"},
    {"id": 502, "title": "Invoice shows wrong VAT", "body": "billing total off by 2%"},
    {"id": 503, "title": "Feature request: dark mode", "body": "please add a dark theme"},
    {"id": 504, "title": "App crashes on upload", "body": "crash when uploading 2GB file"},
]
routes = [("billing", ("invoice", "vat", "billing", "refund")), ("auth", ("log in", "login", "password")), ("bugs", ("crash", "error")), ("product", ("feature", "request"))]
for t in tickets:
    text = (t["title"] + " " + t["body"]).lower()
    team = next((name for name, words in routes if any(w in text for w in words)), "general")
    print(f"#{t['id']} -> {team:<8} {t['title']}")
