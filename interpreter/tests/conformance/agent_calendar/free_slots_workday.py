busy = [("09:30", "10:00"), ("11:00", "12:15"), ("12:00", "13:00"), ("15:45", "17:00")]
def to_min(t):
    return int(t[:2]) * 60 + int(t[3:])
def to_str(m):
    return "%02d:%02d" % divmod(m, 60)
cursor = to_min("09:00")
end_of_day = to_min("17:30")
free = []
for s, e in sorted(busy):
    if to_min(s) > cursor:
        free.append((cursor, to_min(s)))
    cursor = max(cursor, to_min(e))
if cursor < end_of_day:
    free.append((cursor, end_of_day))
for s, e in free:
    print(f"{to_str(s)}-{to_str(e)} ({e - s} min)")
long_enough = [f for f in free if f[1] - f[0] >= 45]
print("slots >= 45 min:", len(long_enough))
