nums = range(20)
print([n for n in nums if n % 3 == 0])
print([n * 2 for n in nums if n % 2 == 1 if n > 10])
words = ["apple", "", "kiwi", "", "fig"]
print([w for w in words if w])
print([w for w in words if len(w) > 3])
