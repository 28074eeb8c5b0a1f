listing = [{"name": "a.txt", "size": 10}, "b.txt", ("c.txt", 30), {"name": "d.txt"}, None, ["e.txt", 50]]
total = 0
names = []
for entry in listing:
    if isinstance(entry, dict):
        names.append(entry["name"])
        total += entry.get("size", 0)
    elif isinstance(entry, str):
        names.append(entry)
    elif isinstance(entry, (tuple, list)) and len(entry) == 2:
        name, size = entry
        names.append(name)
        total += size
    else:
        print("skipping", repr(entry))
print(names, total)
