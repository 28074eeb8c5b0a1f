lines = [
    '10.0.0.1 - - [03/May/2024:10:00:01] "GET /index.html HTTP/1.1" 200 5120',
    '10.0.0.2 - - [03/May/2024:10:00:03] "POST /api/login HTTP/1.1" 401 120',
    '10.0.0.1 - - [03/May/2024:10:00:09] "GET /img/logo.png HTTP/1.1" 200 20480',
    '10.0.0.3 - - [03/May/2024:10:01:00] "GET /missing HTTP/1.1" 404 0',
]
by_ip = {}
for line in lines:
    ip = line.split(" ", 1)[0]
    request = line.split('"')[1]
    method, path, _ = request.split()
    status, size = line.rsplit(" ", 2)[1:]
    by_ip.setdefault(ip, []).append((method, path, int(status), int(size)))
for ip, reqs in by_ip.items():
    print(ip, len(reqs), "reqs", sum(r[3] for r in reqs), "bytes", [r[2] for r in reqs])
