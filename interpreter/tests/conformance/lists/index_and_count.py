xs = ["a", "b", "c", "b", "a", "b"]
print(xs.index("b"), xs.index("b", 2), xs.index("a", 1))
print(xs.count("b"), xs.count("z"), xs.count("a"))
nums = [1, 1.0, True, 2]
print(nums.count(1), nums.index(True))
print([[1], [1], 1].count([1]))
