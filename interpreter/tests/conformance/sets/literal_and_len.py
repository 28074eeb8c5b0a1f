s = {3, 1, 2, 3, 1}
print(len(s), sorted(s))
empty = set()
print(empty, len(empty))
words = {"b", "a", "b", "c"}
print(sorted(words), len(words))
print(set("hello") == {"h", "e", "l", "o"})
