def make_logger():
    counts = {}
    total = 0
    def log(contact, kind):
        nonlocal total
        total += 1
        counts.setdefault(contact, []).append(kind)
        return total
    return log, counts
log, counts = make_logger()
for c, k in [("ana", "call"), ("ben", "email"), ("ana", "email"), ("ana", "meeting")]:
    n = log(c, k)
print("logged", n)
for c, kinds in counts.items():
    print(c, kinds)
