def send_digest(recipients, body):
    ...
def build_digest(items):
    lines = [f"- {title} ({n} new)" for title, n in items]
    return "\n".join(lines)
items = [("Security", 2), ("Billing", 0), ("Roadmap", 5)]
digest = build_digest([i for i in items if i[1]])
print(digest)
print("send result:", send_digest(["ops@x.com"], digest))
