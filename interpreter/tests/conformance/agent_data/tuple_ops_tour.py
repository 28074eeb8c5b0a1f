point = (3, 4)
x, y = point
print(point + (5,), point * 2, point.count(3), point.index(4), (1,) < (1, 0), max([(1, "b"), (1, "a")]))
records = [("ana", 30), ("ben", 25)]
names, ages = zip(*records)
print(names, ages, tuple(sorted(ages)), len(()), (1, [2, 3])[1][0])
a, *rest = (1, 2, 3, 4)
*init, last = "abc"
print(a, rest, init, last)
