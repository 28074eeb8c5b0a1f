for v in [1, 1.0, "a", True, None, [], (), {}, set(), range(3)]:
    print(type(v))
print(type(1) == int, type(True) == int, type("") is str)
print(type([]) in (list, tuple))
