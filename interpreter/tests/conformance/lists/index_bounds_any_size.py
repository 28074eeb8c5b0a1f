# Start and stop of index/count/find take ints of any size, clamped to the sequence.
xs = [-3, -1, -2, 5]
print(xs.index(5, 0, 10**20), xs.index(-1, -(10**20)), xs.index(5, -2**63), "abcabc".find("c", -(2**63)))
print("abcabc".count("a", 0, 10**30), "abcabc".rfind("b", -(10**20), 10**20), (1, 2, 1).index(1, 1, 2**64))
for args in [(5, 10**20), (-3, 1, -(10**20)), (7, 0, 2**63)]:
    try:
        print(xs.index(*args))
    except ValueError as e:
        print("ValueError:", e)
