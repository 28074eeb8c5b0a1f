prefs = {"ana": "window", "ben": "aisle", "cy": "window", "dee": "any", "eve": "window"}
seats = {"window": ["12A", "12F"], "aisle": ["12C", "12D"], "middle": ["12B", "12E"]}
assigned = {}
for person, pref in prefs.items():
    pools = [pref] if pref != "any" else []
    pools += ["aisle", "window", "middle"]
    for pool in pools:
        if seats.get(pool):
            assigned[person] = seats[pool].pop(0)
            break
for p, s in assigned.items():
    print(p, s, "(got preference)" if prefs[p] == "any" or s in ("12A", "12F", "12C", "12D") and (prefs[p] == "window") == (s[-1] in "AF") else "(fallback)")
