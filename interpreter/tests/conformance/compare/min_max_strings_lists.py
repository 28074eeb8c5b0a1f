words = ["delta", "Alpha", "charlie", "bravo"]
print(min(words), max(words))
print(min(words, key=len), max(words, key=len))
lists = [[3, 1], [2, 9], [3, 0], [2]]
print(min(lists), max(lists), sorted(lists))
