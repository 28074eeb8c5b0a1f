referred_by = {"ben": "ana", "cy": "ben", "dee": "ana", "eve": "cy", "fay": None, "ana": None}
def depth(person):
    d = 0
    while referred_by.get(person):
        person = referred_by[person]
        d += 1
    return d
for p in sorted(referred_by):
    print(p, "depth", depth(p))
referrals = {}
for p, r in referred_by.items():
    if r:
        referrals[r] = referrals.get(r, 0) + 1
print("top referrer:", max(referrals, key=referrals.get), referrals)
