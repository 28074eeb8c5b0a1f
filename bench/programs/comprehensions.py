# Nested list, dict and set comprehensions: about 10^6 elements in all.
n = 600
grid = [[(i * j) % 97 for j in range(n)] for i in range(n)]
row_sums = [sum(row) for row in grid]
transposed = [[grid[i][j] for i in range(0, n, 3)] for j in range(0, n, 3)]
flat = [v for row in grid for v in row if v > 50]
pairs = [(i, j) for i in range(300) for j in range(i, 300) if (i + j) % 7 == 0]
squares = {i: i * i for i in range(50000)}
residues = {v % 1000 for v in squares.values()}
labels = [f"r{i}" for i, s in enumerate(row_sums) if s % 2 == 0]
nested = [[[k for k in range(i, i + 10)] for i in range(j, j + 30)] for j in range(200)]
depth3 = sum(len(a) * len(a[0]) for a in nested)
checksum = 0
for s in row_sums:
    checksum = (checksum * 31 + s) % 1000000007
for row in transposed[:20]:
    checksum = (checksum * 31 + sum(row)) % 1000000007
print(f"flat={len(flat)} pairs={len(pairs)} squares={len(squares)} residues={len(residues)}")
print(f"labels={len(labels)} depth3={depth3} sumflat={sum(flat)} checksum={checksum}")
