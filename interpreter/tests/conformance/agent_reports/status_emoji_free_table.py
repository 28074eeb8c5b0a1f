services = [("auth", 0.9999, 45), ("search", 0.982, 320), ("billing", 0.995, 110)]
def status(uptime, p99):
    if uptime >= 0.999 and p99 < 100:
        return "GREEN"
    if uptime >= 0.99:
        return "AMBER"
    return "RED"
for name, up, p99 in services:
    print("{:<8} {:>8.3%} {:>5}ms  {}".format(name, up, p99, status(up, p99)))
print("worst:", min(services, key=lambda s: s[1])[0])
