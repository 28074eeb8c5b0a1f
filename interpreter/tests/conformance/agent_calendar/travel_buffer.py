events = [("Office", "09:00", "10:00"), ("Client site", "10:20", "11:30"), ("Office", "12:00", "13:00"), ("Office", "13:00", "14:00")]
needed = 30
def m(t):
    return int(t[:2]) * 60 + int(t[3:])
for (loc1, _, end1), (loc2, start2, _) in zip(events, events[1:]):
    if loc1 == loc2:
        continue
    gap = m(start2) - m(end1)
    status = "OK" if gap >= needed else "short by %d min" % (needed - gap)
    print("%s -> %s: %d min gap, %s" % (loc1, loc2, gap, status))
