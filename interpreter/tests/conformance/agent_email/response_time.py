pairs = [("09:15", "09:42"), ("11:00", "13:05"), ("16:50", "17:01")]
def minutes(t):
    h, m = map(int, t.split(":"))
    return h * 60 + m
deltas = [minutes(b) - minutes(a) for a, b in pairs]
for (a, b), d in zip(pairs, deltas):
    h, m = divmod(d, 60)
    print(f"{a} -> {b}: {h}h{m:02d}m")
avg = sum(deltas) / len(deltas)
print("average %.1f min, worst %d min" % (avg, max(deltas)))
