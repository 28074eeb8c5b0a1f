print(list(range(10**20, 12, 3)), range(2**64)[-1], 10**20 in range(0, 10**21, 2))
print([x for x in range(10**20, 10**20 + 3)], list(range(-(10**20), -(10**20) + 5, 2)))
try:
    print(len(range(10**20)))
except OverflowError as e:
    print(type(e), e)
r = range(-2**63, 2**63 - 1)
print(r[-1], r[0], r[2**63], r[5:10], r[::2**62], len(r[::2**62]), range(2**70)[2**65::2**66])
print(range(10)[::-1], range(10)[-3:], range(0, 100, 7)[2:8:2], list(range(10)[8:2:-2]), range(5)[10:], range(5)[-10:2])
print(range(3) == range(0, 3, 1), range(0) == range(5, 2), range(2**70) == range(0, 2**70), bool(range(2**70, 2**71)), bool(range(2**71, 2**70)))
print(repr(range(2**64, -1, -3)), 3.0 in range(5), True in range(2), 2**64 in range(2**65))
for bad in ["a", 1.5]:
    try:
        range(5)[bad]
    except TypeError as e:
        print("TE", e)
try:
    range(2**64)[2**64]
except IndexError as e:
    print("IE", e)
try:
    range(3)[10**30]
except IndexError as e:
    print("IE", e)
print(sum(range(2**63 - 3, 2**63 + 3)), max(range(2**64, 2**64 + 5)), list(reversed(range(2**64, 2**64 + 3))))
