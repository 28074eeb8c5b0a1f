before = ["alice", "bob", "carol", "dave"]
after = ["bob", "carol", "erin", "frank", "alice"]
added = [x for x in after if x not in before]
removed = [x for x in before if x not in after]
kept = [x for x in before if x in after]
print("added:", added)
print("removed:", removed)
print("kept (original order):", kept)
moved = [x for i, x in enumerate(kept) if after.index(x) != i]
print("changed position:", moved)
print(f"{len(added)} added, {len(removed)} removed, {len(kept)} unchanged")
