# A plan keeps a view of the inbox counts and reads it after updating the dict.
counts = {"alice@example.com": 2, "bob@example.com": 1}
senders = counts.keys()
totals = counts.values()
for sender in ["carol@example.com", "alice@example.com", "dave@example.com"]:
    counts[sender] = counts.get(sender, 0) + 1
print(len(senders), sorted(senders))
print(sum(totals), max(totals))
pending = counts.items()
counts.pop("bob@example.com")
print([f"{k}={v}" for k, v in pending])
print("bob@example.com" in senders, ("carol@example.com", 1) in pending)
print(senders - {"alice@example.com"} == {"carol@example.com", "dave@example.com"})
try:
    for sender in counts.keys():
        if sender.startswith("c"):
            counts["x" + sender] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(reversed(counts.keys()))[:2], bool({}.values()))
