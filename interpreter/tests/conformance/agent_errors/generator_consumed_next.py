emails = ["a@x", "b@y"]
domains = (e.split("@")[1] for e in emails)
print(list(domains))
print(next(domains))
