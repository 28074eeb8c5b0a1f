crm = {"u1": {"name": "Ann", "plan": "pro"}, "u2": {"name": "Bo", "plan": "free"}}
billing = {"u1": {"mrr": 49}, "u3": {"mrr": 99}}
merged = {}
for uid in sorted(set(crm) | set(billing)):
    record = {"id": uid}
    record.update(crm.get(uid, {}))
    record.update(billing.get(uid, {}))
    merged[uid] = record
for uid, r in merged.items():
    print(r)
no_billing = [u for u in merged if "mrr" not in merged[u]]
print("Missing billing:", no_billing)
print("Total MRR:", sum(r.get("mrr", 0) for r in merged.values()))
