legs = [("JFK", "10:00", "13:30"), ("ATL", "14:05", "16:00"), ("DFW", "16:40", "19:10")]
def m(t):
    h, mm = t.split(":")
    return int(h) * 60 + int(mm)
min_connect = 45
for (a, _, arr), (b, dep, _) in zip(legs, legs[1:]):
    gap = m(dep) - m(arr)
    verdict = "OK" if gap >= min_connect else "TOO SHORT"
    print("connect at %s: %dh%02dm %s" % (b, gap // 60, gap % 60, verdict))
total = m(legs[-1][2]) - m(legs[0][1])
print("total trip: %d:%02d" % divmod(total, 60))
