records = [("example.com", "A", "93.184.216.34", 3600), ("example.com", "MX", "10 mail.example.com", 300), ("www.example.com", "CNAME", "example.com", 86400), ("example.com", "TXT", '"v=spf1 -all"', 3600)]
w = max(len(r[0]) for r in records)
for name, rtype, value, ttl in records:
    hours = ttl / 3600
    print(f"{name:<{w}}  {rtype:<5} {ttl:>6}s ({hours:g}h)  {value}")
