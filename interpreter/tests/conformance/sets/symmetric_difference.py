a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a.symmetric_difference(b)), sorted(a ^ b))
print(sorted(b ^ a) == sorted(a ^ b))
print(a ^ a == set())
a ^= {1, 9}
print(sorted(a))
