travelers = {"ana": 1, "ben": -5, "cy": 8}
candidates = range(0, 24)
good = []
for utc in candidates:
    locals_ = {n: (utc + off) % 24 for n, off in travelers.items()}
    if all(8 <= h <= 20 for h in locals_.values()):
        good.append((utc, locals_))
for utc, l in good:
    print("UTC %02d:00 -> " % utc + ", ".join("%s %02d:00" % (n, h) for n, h in l.items()))
print("options:", len(good))
