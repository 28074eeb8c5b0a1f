events = [("08:30", "Gym"), ("10:00", "Standup"), ("13:15", "Lunch w/ Sam"), ("17:00", "Pickup")]
def next_after(now):
    return next(((t, name) for t, name in events if t > now), None)
for now in ("07:00", "10:00", "16:59", "18:00"):
    nxt = next_after(now)
    if nxt is None:
        print(now, "-> nothing else today")
    else:
        print(now, "->", "%s at %s" % (nxt[1], nxt[0]))
