accounts = {"Acme": "ana", "Zen": "ben", "Orb": "ana", "Kite": "cy", "Volt": "ana"}
leaving = "ana"
others = sorted(set(accounts.values()) - {leaving})
moved = []
for i, name in enumerate(sorted(n for n, o in accounts.items() if o == leaving)):
    new_owner = others[i % len(others)]
    accounts[name] = new_owner
    moved.append("%s -> %s" % (name, new_owner))
print("\n".join(moved))
print({o: sorted(n for n, x in accounts.items() if x == o) for o in others})
