nums = [5, 3, 8]
print(max(n * 2 for n in nums))
print(sorted((n for n in nums), reverse=True))
print(list(reversed([n for n in nums])))
print(sum((n for n in nums), 100))
print(len([n for n in nums if n > 4]))
