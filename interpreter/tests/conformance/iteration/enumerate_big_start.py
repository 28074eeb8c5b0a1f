# enumerate counts from any int, past 64 bits too.
print(list(enumerate("ab", 10**20)))
print(list(enumerate("abc", 2**63 - 2)))
print(list(enumerate("ab", -2**63 - 1)))
print(next((i + 1 for i, d in enumerate([1, 8, 8], 100000000000000000000) if d == 8), None))
for i, c in enumerate("xy", start=True):
    print(i, c)
