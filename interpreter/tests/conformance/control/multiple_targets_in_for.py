matrix = [[1, 2, 3], [4, 5, 6]]
for r, row in enumerate(matrix):
    for c, val in enumerate(row):
        if (r + c) % 2 == 0:
            print(f"({r},{c})={val}")
transposed = [list(col) for col in zip(*matrix)]
print(transposed)
