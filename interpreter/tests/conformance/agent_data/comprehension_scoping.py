x = "outer"
squares = [x * x for x in range(4)]
print(x, squares)
total = sum(n for n in range(5))
pairs = {k: v for k, v in zip("ab", (1, 2))}
print(total, pairs, [[j for j in range(i)] for i in range(3)])
names = ["ana", "ben"]
print([n.upper() for n in names if n != "ben"])
