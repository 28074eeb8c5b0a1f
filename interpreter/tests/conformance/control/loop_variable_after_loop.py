for i in range(5):
    pass
print(i)
for word in ["x", "y"]:
    last = word
print(word, last)
total = 0
for i in range(3):
    total += i
print(total, i)
