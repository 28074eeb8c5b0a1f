words = ["bb", "aa", "c", "dd"]
print(max(words, key=len), min(words, key=len))
print(min([("a", 2), ("b", 1), ("c", 1)], key=lambda p: p[1]))
print(max([("a", 2), ("b", 1), ("c", 2)], key=lambda p: p[1]))
print(max([], key=len, default=None))
