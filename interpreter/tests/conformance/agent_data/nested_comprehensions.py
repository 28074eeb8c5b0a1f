matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 0])
print([[row[i] for row in matrix] for i in range(3)])
print({n: n * n for row in matrix for n in row if n % 2})
print(sorted({n % 4 for row in matrix for n in row}))
print([x if x > 4 else -x for x in matrix[1]], sum(sum(r) for r in matrix))
