senders = ["ann@x.com", "bob@y.com", "ann@x.com", "cy@z.com", "bob@y.com"]
unique = list(dict.fromkeys(senders))
print(unique)
counts = dict.fromkeys(unique, 0)
for s in senders:
    counts[s] += 1
print(counts)
print(dict.fromkeys("hello"), dict.fromkeys([], "x"), dict.fromkeys(range(3), [1]))
tags = dict.fromkeys(["urgent", "finance"], True)
print(sorted(tags), tags.get("urgent"))
