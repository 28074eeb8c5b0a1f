values = ["b", "a"]
print(sorted(values))
print("a" < 1)
