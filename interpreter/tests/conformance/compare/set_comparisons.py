a = {1, 2, 3}
b = {1, 2}
print(b < a, a < a, a <= a, a > b, b >= a)
print(a == {3, 2, 1}, a != b)
print({1} < {2}, {1} > {2})
print(set() < a, set() == set())
