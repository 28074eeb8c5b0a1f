headers = ["From: a@x.com", "Subject: hi", "Date 2024-05-01"]
for h in headers:
    i = h.index(":")
    print(h[:i].lower(), "=", h[i + 1:].strip())
