files = ["/var/log/syslog:120", "/var/log/auth.log:30", "/var/lib/db/data:900", "/home/ana/a.txt:1", "/home/ana/b.iso:700", "/home/bob/c.txt:5"]
usage = {}
for entry in files:
    path, size = entry.rsplit(":", 1)
    parts = path.strip("/").split("/")
    for depth in range(1, len(parts)):
        d = "/" + "/".join(parts[:depth])
        usage[d] = usage.get(d, 0) + int(size)
for d in sorted(usage):
    if d.count("/") <= 2:
        print(f"{usage[d]:>6} {d}")
