xs = [3, 1, 4, 1, 5, 9, 1]
xs.remove(1)
print(xs)
xs.remove(9)
print(xs)
words = ["a", "b", "a"]
words.remove("a")
print(words)
