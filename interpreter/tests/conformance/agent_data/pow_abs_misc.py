print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-2, 3), 2 ** -2, 8 ** (1 / 3))
print(abs(-3), abs(-2.5), abs(-0.0), max(-1, -5, key=abs), min([], default=None))
print(sum([0.1] * 3), sum(range(101)), sum([[1], [2]], []), sum((1, 2), 10))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
