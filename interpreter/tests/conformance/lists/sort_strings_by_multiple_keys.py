names = ["bob", "Alice", "carol", "alice", "Bob", "dave"]
print(sorted(names))
print(sorted(names, key=lambda s: s.lower()))
print(sorted(names, key=lambda s: (s.lower(), s)))
print(sorted(names, key=lambda s: (-len(s), s)))
