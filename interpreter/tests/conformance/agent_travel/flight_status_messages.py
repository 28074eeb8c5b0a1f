statuses = [("UA12", "on time", 0), ("BA7", "delayed", 45), ("LH3", "delayed", 130), ("AF9", "cancelled", None)]
for flight, state, mins in statuses:
    if state == "cancelled":
        msg = "%s is CANCELLED, rebook now" % flight
    elif mins:
        h, m = divmod(mins, 60)
        delay = ("%dh %02dm" % (h, m)) if h else ("%d min" % m)
        msg = "%s delayed by %s" % (flight, delay)
    else:
        msg = "%s on time" % flight
    print(msg)
