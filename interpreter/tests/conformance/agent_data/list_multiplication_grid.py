grid = [[0] * 4 for _ in range(3)]
grid[1][2] = 5
print(grid)
shared = [[0] * 2] * 2
shared[0][0] = 9
print(shared)
row = ["-"] * 5
row[::2] = ["x"] * 3
print("".join(row), [1, 2] * 0, 3 * "ab")
