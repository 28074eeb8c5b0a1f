s = {"only"}
item = s.pop()
print(item, s, len(s))
nums = {7}
print(nums.pop(), nums)
