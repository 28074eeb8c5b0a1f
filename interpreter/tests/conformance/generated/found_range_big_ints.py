# Found by _difftest (mutation): range() takes ints of any size (len() of a huge one overflows).
print(list(range(10**20, 12, 3)), range(2**64)[-1], 10**20 in range(0, 10**21, 2))
print([x for x in range(10**20, 10**20 + 3)], list(range(-(10**20), -(10**20) + 5, 2)))
try:
    print(len(range(10**20)))
except OverflowError as e:
    print(type(e), e)
