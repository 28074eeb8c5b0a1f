def first_negative(nums):
    for i, n in enumerate(nums):
        if n < 0:
            return i, n
    return None
print(first_negative([3, 1, -4, -1]))
print(first_negative([1, 2]))
def contains(nums, target):
    for n in nums:
        if n == target:
            return True
    return False
print(contains([1, 2, 3], 2), contains([], 1))
