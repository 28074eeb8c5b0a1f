emails = ["a@x.com", "b@y.com", "A@x.com", "a@x.com", "c@x.com"]
normalized = {e.lower() for e in emails}
print(len(emails), len(normalized))
domains = {e.split("@")[1] for e in normalized}
print(sorted(domains))
print(sorted(e for e in normalized if e.endswith("x.com")))
