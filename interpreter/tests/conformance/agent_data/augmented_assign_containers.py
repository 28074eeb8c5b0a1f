stock = {"apple": 5, "pear": 2}
stock["apple"] -= 2
stock["pear"] *= 10
grid = [[1, 2], [3, 4]]
grid[1][0] += 100
grid[0] += [9]
counts = [0] * 3
for i in [0, 2, 2, 1, 2]:
    counts[i] += 1
text = "a"
text += "b" * 2
print(stock, grid, counts, text)
a = b = []
a.append(1)
print(a, b, a is b)
