contacts = ["Ana Lima", "ben ode", "Cy van Dijk", "Dee O'Hara", "eve Adams"]
def last_key(full):
    parts = full.split()
    return (parts[-1].lower(), parts[0].lower())
for c in sorted(contacts, key=last_key):
    parts = c.split()
    print("%s, %s" % (parts[-1].capitalize() if parts[-1].islower() else parts[-1], " ".join(p.capitalize() for p in parts[:-1])))
