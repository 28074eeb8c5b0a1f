letters = ["a", "b", "c"]
nums = [1, 2, 3, 4]
zipped = list(zip(letters, nums))
print(zipped)
print(list(zip(*zipped)))
print(list(zip()), list(zip([1], [])))
print(list(zip("ab", "cd", "ef")))
