rows = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(rows, key=lambda r: r[1]))
print(sorted(rows, key=lambda r: r[1], reverse=True))
print(sorted(rows, reverse=True))
print(sorted("Banana"), sorted("Banana", key=str.lower), sorted([3, 1, 2], reverse=True))
words = ["kiwi", "fig", "banana", "apple"]
words.sort(key=len)
print(words)
