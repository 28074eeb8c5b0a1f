print(len("hello"), len(""), len("日本"))
print(len([1, 2]), len(()), len({"a": 1, "b": 2}), len({1, 2, 2}))
print(len(range(10)), len(range(0, 10, 3)), len(range(5, 0)))
print(len([[1, 2, 3]]), len({"k": [1, 2, 3]}["k"]))
