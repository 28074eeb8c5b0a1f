opps = [
    {"name": "Acme renewal", "stage": "proposal", "days_in_stage": 45, "owner": "ana"},
    {"name": "Zen upsell", "stage": "discovery", "days_in_stage": 5, "owner": "ben"},
    {"name": "Orb new", "stage": "negotiation", "days_in_stage": 22, "owner": "ana"},
    {"name": "Kite pilot", "stage": "discovery", "days_in_stage": 31, "owner": "cy"},
]
limits = {"discovery": 30, "proposal": 21, "negotiation": 14}
stalled = [o for o in opps if o["days_in_stage"] > limits[o["stage"]]]
by_owner = {}
for o in stalled:
    by_owner.setdefault(o["owner"], []).append("%s (%d/%dd)" % (o["name"], o["days_in_stage"], limits[o["stage"]]))
for owner in sorted(by_owner):
    print(owner + ":", "; ".join(by_owner[owner]))
