matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix)
print([[row[i] for row in matrix] for i in range(3)])
print([[c for c in w] for w in ["ab", "c"]])
print([sum(row) for row in matrix])
