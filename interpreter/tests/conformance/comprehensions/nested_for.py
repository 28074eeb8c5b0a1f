pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print(pairs)
print([c + str(n) for c in "ab" for n in range(2)])
matrix = [[1, 2], [3, 4], [5, 6]]
print([v for row in matrix for v in row])
print([v for row in matrix if row[0] > 1 for v in row if v % 2 == 0])
