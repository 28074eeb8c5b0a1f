d = {(0, 0): "origin", (1, 2): "point", "s": 1, 5: "five", None: "none"}
print(d[(0, 0)], d[1, 2], d[None], d[5])
print(d)
grid = {}
for x in range(2):
    for y in range(2):
        grid[(x, y)] = x * 10 + y
print(grid)
