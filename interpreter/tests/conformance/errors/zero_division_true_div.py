count = 0
total = 10
print("computing average")
print(total / count)
