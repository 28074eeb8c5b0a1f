requests = {"GET /": (1200, 3), "POST /login": (300, 27), "GET /api/items": (5000, 12), "DELETE /api/items": (40, 0)}
print("%-20s %6s %5s %7s" % ("endpoint", "reqs", "errs", "rate"))
for ep, (n, e) in sorted(requests.items(), key=lambda kv: kv[1][1] / kv[1][0], reverse=True):
    print("%-20s %6d %5d %6.2f%%" % (ep, n, e, 100 * e / n))
tot_n = sum(n for n, _ in requests.values())
tot_e = sum(e for _, e in requests.values())
print("%-20s %6d %5d %6.2f%%" % ("TOTAL", tot_n, tot_e, 100 * tot_e / tot_n))
