nums = [3, 1.5, True, -2, 0.0, 10, 2.25]
print(sorted(nums))
print(sorted(nums, reverse=True))
print(max(nums), min(nums))
print(sorted([1, 1.0, True]))
