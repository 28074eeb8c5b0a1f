words = ["banana", "kiwi", "apple", "fig", "cherry"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: w[-1])
print(words)
words.sort(key=len, reverse=True)
print(words)
words.sort(key=lambda w: (len(w), w))
print(words)
