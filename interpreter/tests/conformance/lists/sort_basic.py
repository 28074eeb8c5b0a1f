xs = [5, 2, 9, 1, 5, 6]
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
words = ["banana", "Apple", "cherry", "apple"]
words.sort()
print(words)
result = xs.sort()
print(result)
