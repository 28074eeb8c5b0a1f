def stats(nums):
    return min(nums), max(nums), sum(nums) / len(nums)
result = stats([3, 9, 6])
print(result)
lo, hi, avg = stats([1, 2])
print(lo, hi, avg)
def pair():
    return "k", "v"
print(pair()[1], dict([pair()]))
