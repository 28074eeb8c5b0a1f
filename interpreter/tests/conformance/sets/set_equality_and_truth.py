print({1, 2} == {2, 1}, {1} != {1, 2}, set() == set())
print(bool(set()), bool({0}))
s = {1}
s.discard(1)
print(len(s), s == set(), s)
