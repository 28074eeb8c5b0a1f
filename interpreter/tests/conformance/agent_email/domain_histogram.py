senders = ["ann@gmail.com", "Bob@Acme.COM", "cy@acme.com", "dee@yahoo.com", "ed@gmail.com", "fay@acme.com"]
domains = {}
for addr in senders:
    local, _, domain = addr.partition("@")
    domains[domain.lower()] = domains.get(domain.lower(), 0) + 1
width = max(len(d) for d in domains)
for d, n in sorted(domains.items()):
    print(d.ljust(width), "#" * n, n)
