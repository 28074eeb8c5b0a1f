grid = [
    [0, 1, 3, 7, 9],
    [2, 4, 6, 8, 5],
    [9, 7, 2, 0, 1],
]
shades = " .:*#"
for row in grid:
    print("".join(shades[min(v * len(shades) // 10, len(shades) - 1)] * 2 for v in row))
flat = [v for row in grid for v in row]
print("hot cells:", sum(v >= 8 for v in flat), "of", len(flat))
