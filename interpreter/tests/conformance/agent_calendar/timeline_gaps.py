timestamps = ["08:02", "08:05", "08:31", "08:33", "09:40", "09:41", "09:59"]
def m(t):
    h, mm = t.split(":")
    return int(h) * 60 + int(mm)
gaps = [(a, b, m(b) - m(a)) for a, b in zip(timestamps, timestamps[1:])]
big = [g for g in gaps if g[2] > 20]
for a, b, d in big:
    print(f"gap {a}->{b}: {d} min")
print("median-ish gap:", sorted(g[2] for g in gaps)[len(gaps) // 2])
