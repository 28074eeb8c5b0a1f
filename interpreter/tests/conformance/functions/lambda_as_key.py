people = [("amy", 31), ("bob", 25), ("cat", 31), ("dan", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: len(p[0]) + p[1]))
square = lambda x: x * x
print(square(7), (lambda a, b: a - b)(10, 3))
