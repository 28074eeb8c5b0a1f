items = [1, 2, 3]
print(len(items))
n = 5
print(len(n))
