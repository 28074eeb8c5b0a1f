before = {"e1": "10:00", "e2": "11:00", "e3": "14:00"}
after = {"e1": "10:00", "e2": "11:30", "e4": "16:00"}
added = sorted(after.keys() - before.keys())
removed = sorted(before.keys() - after.keys())
moved = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
print("added:", added)
print("removed:", removed)
for k in moved:
    print(f"moved {k}: {before[k]} -> {after[k]}")
