tickets = ["T1-open", "T2-closed", "T3-open", "T4-closed", "T5-closed"]
for i, t in enumerate(tickets):
    if t.endswith("closed"):
        del tickets[i]
print("after naive delete:", tickets)
tickets = ["T1-open", "T2-closed", "T3-open", "T4-closed", "T5-closed"]
tickets[:] = [t for t in tickets if not t.endswith("closed")]
print("after slice rebuild:", tickets)
