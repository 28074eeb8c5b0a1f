emails = [
    {"sender": "alice@example.com", "count": 12, "size": 10432.5},
    {"sender": "bob@example.com", "count": 3, "size": 220.0},
    {"sender": "carol@example.org", "count": 140, "size": 1.25},
]
print("%-20s %6s %12s" % ("sender", "count", "kB"))
for e in emails:
    print("%(sender)-20s %(count)6d %(size)12.2f" % e)
total = sum(e["count"] for e in emails)
print("%-20s %6d" % ("total", total))
print("share of first: %.1f%%" % (100.0 * emails[0]["count"] / total))
