ips = ["192.168.1.1", "256.1.1.1", "10.0.0", "8.8.8.8", "01.2.3.4", "a.b.c.d"]
def valid(ip):
    parts = ip.split(".")
    if len(parts) != 4:
        return False
    for p in parts:
        if not p.isdigit() or (len(p) > 1 and p[0] == "0") or int(p) > 255:
            return False
    return True
for ip in ips:
    priv = valid(ip) and (ip.startswith("10.") or ip.startswith("192.168."))
    print(f"{ip:<12} valid={valid(ip)!s:<5} private={priv}")
