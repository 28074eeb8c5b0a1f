tickets = {"T1": ["ui", "bug"], "T2": ["bug", "backend"], "T3": ["ui"], "T4": []}
all_tags = sorted({t for tags in tickets.values() for t in tags})
print(all_tags)
for tag in all_tags:
    print(tag, sorted(tid for tid, tags in tickets.items() if tag in tags))
untagged = [tid for tid, tags in tickets.items() if not tags]
print("untagged:", untagged)
