# Repeating a sequence: counts beyond an index-sized integer overflow, empty stays empty.
print(len([] * 10**18), len("" * 10**18), len(() * 10**18), [0] * -5, "ab" * -(2**62))
for seq in ["a", [1], (1,), ""]:
    for count in [2**63, -(2**63) - 1, 10**20, -(10**30)]:
        try:
            print(len(seq * count))
        except OverflowError as e:
            print(type(seq), e)
