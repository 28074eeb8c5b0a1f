def total(*nums):
    print(type(nums), len(nums))
    return sum(nums)
print(total())
print(total(1, 2, 3))
print(total(*[4, 5]))
def first_and_rest(first, *rest):
    return first, rest
print(first_and_rest(1), first_and_rest(1, 2, 3))
