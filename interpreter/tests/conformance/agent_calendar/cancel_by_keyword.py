events = ["Standup", "Vendor call (tentative)", "Offsite", "Tentative: lunch", "Planning"]
kept, cancelled = [], []
for e in events:
    (cancelled if "tentative" in e.lower() else kept).append(e)
print("kept:", kept)
print("cancelled:", cancelled)
print("%d of %d kept (%.0f%%)" % (len(kept), len(events), 100 * len(kept) / len(events)))
