grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(grid[1], grid[1][2], grid[-1][-1])
grid[0][0] = 100
print(grid)
print([row[1] for row in grid])
print(sum(sum(row) for row in grid))
print(len(grid), len(grid[0]))
