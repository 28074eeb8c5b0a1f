s = {1, 2}
s.add(3)
s.add(2)
print(sorted(s))
s.discard(1)
s.discard(42)
print(sorted(s))
s.remove(3)
print(sorted(s), len(s))
