for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v > 3:
            found = v
            break
    if found is not None:
        break
print("found", found)
