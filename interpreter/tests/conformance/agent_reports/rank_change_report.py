last_week = ["api", "web", "db", "cache", "queue"]
this_week = ["web", "db", "api", "queue", "search"]
for pos, item in enumerate(this_week, 1):
    if item in last_week:
        old = last_week.index(item) + 1
        delta = old - pos
        move = "=" if delta == 0 else ("+%d" % delta if delta > 0 else str(delta))
    else:
        move = "new"
    print("%d. %-7s %s" % (pos, item, move))
print("dropped:", [x for x in last_week if x not in this_week])
