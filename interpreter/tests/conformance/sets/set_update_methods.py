s = {1}
s.update([2, 3], {4})
print(sorted(s))
s.intersection_update({1, 2, 3})
print(sorted(s))
s.difference_update([1])
print(sorted(s))
s.symmetric_difference_update({3, 9})
print(sorted(s))
