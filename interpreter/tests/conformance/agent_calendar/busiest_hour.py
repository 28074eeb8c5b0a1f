starts = ["09:15", "09:45", "10:00", "13:30", "09:05", "14:10", "13:55", "16:00"]
hist = {}
for s in starts:
    h = int(s.split(":")[0])
    hist[h] = hist.get(h, 0) + 1
for h in range(min(hist), max(hist) + 1):
    print("%02d:00 %s" % (h, "=" * hist.get(h, 0)))
peak = max(hist.items(), key=lambda kv: (kv[1], -kv[0]))
print("peak hour %02d:00 with %d" % peak)
