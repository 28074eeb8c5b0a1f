# Dict records as a plan builds them from tool results: 4-key dict records,
# `d[k] = d.get(k, 0) + v` accumulation, and `r["k"]` reads, ~10^6 dict operations.
owners = ["ana", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo", "kim"]
kinds = ["email", "invoice", "meeting", "ticket", "note"]
seed = 2024
records = []
for i in range(60000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    records.append({"id": i, "owner": owners[seed % 11], "kind": kinds[(seed >> 8) % 5],
                    "amount": (seed >> 12) % 1000})
totals = {}
counts = {}
by_kind = {}
for r in records:
    owner = r["owner"]
    totals[owner] = totals.get(owner, 0) + r["amount"]
    counts[owner] = counts.get(owner, 0) + 1
    by_kind[r["kind"]] = by_kind.get(r["kind"], 0) + r["amount"]
big = 0
for r in records:
    if r["amount"] > 900 and r["kind"] != "note":
        big += r["id"] % 7
summary = []
for owner in sorted(totals):
    summary.append({"owner": owner, "total": totals[owner], "count": counts[owner],
                    "mean": totals[owner] // counts[owner]})
checksum = 0
for s in summary:
    checksum = (checksum * 31 + s["total"] + s["count"] * 3 + s["mean"]) % 1000000007
for k in sorted(by_kind):
    checksum = (checksum * 31 + by_kind[k]) % 1000000007
print(f"records={len(records)} owners={len(totals)} kinds={len(by_kind)} big={big}")
print(f"top={max(summary, key=lambda s: s['total'])['owner']} checksum {checksum}")
