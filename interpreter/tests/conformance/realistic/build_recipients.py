team = {
    "eng": ["ana@co.com", "raj@co.com"],
    "design": ["lee@co.com"],
    "sales": ["max@co.com", "ana@co.com"],
}
wanted = ["eng", "sales", "legal"]
recipients = []
for group in wanted:
    for addr in team.get(group, []):
        if addr not in recipients:
            recipients.append(addr)
missing = [g for g in wanted if g not in team]
print("To:", "; ".join(recipients))
print("Count:", len(recipients))
if missing:
    print("Unknown groups:", ", ".join(missing))
