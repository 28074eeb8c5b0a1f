travelers = [("ana", "2024-09-01"), ("ben", "2026-01-15"), ("cy", "2024-12-20")]
trip_end = "2024-07-10"
def months_between(a, b):
    ya, ma = int(a[:4]), int(a[5:7])
    yb, mb = int(b[:4]), int(b[5:7])
    return (yb - ya) * 12 + (mb - ma)
for name, exp in travelers:
    left = months_between(trip_end, exp)
    ok = left >= 6
    print(f"{name}: expires {exp}, {left} months after trip -> {'ok' if ok else 'RENEW'}")
