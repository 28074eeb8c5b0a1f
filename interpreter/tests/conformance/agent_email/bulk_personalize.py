contacts = [{"first": "ana", "last": "silva", "plan": "pro"}, {"first": "TOM", "last": "o'neil", "plan": "free"}]
msg = "Dear %(first)s %(last)s, your %(plan)s plan renews soon."
for c in contacts:
    fixed = {k: v.title() if k != "plan" else v.upper() for k, v in c.items()}
    print(msg % fixed)
