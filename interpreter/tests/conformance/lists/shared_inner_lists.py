row = [0, 0]
grid = [row, row]
grid[0][0] = 1
print(grid)
grid2 = [[0] * 2 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
rep = [[]] * 3
rep[0].append("x")
print(rep)
