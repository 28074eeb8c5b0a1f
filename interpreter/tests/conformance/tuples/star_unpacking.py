first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3, 4)
print(init, last)
a, *mid, z = "abcde"
print(a, mid, z)
head, *tail = [1]
print(head, tail)
a, b, *c = range(5)
print(a, b, c)
