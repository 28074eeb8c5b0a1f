queries = ["q%d" % i for i in range(1, 12)]
per_minute = 4
schedule = {}
for i, q in enumerate(queries):
    minute = i // per_minute
    schedule.setdefault(minute, []).append(q)
for minute, batch in schedule.items():
    print("t+%dm: %s" % (minute, " ".join(batch)))
print("needs %d minutes" % len(schedule))
