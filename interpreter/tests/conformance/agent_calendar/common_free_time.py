calendars = {
    "ana": [(9, 11), (13, 14)],
    "ben": [(10, 12), (15, 16)],
    "cy": [(9, 10), (14, 15)],
}
hours = range(9, 17)
def busy(person, h):
    return any(s <= h < e for s, e in calendars[person])
free = [h for h in hours if not any(busy(p, h) for p in calendars)]
print("everyone free at:", ["%d:00" % h for h in free])
for h in hours:
    who = [p for p in calendars if not busy(p, h)]
    print(h, len(who), "/".join(who))
