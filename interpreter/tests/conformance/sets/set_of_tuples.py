points = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(len(points), sorted(points))
print((1, 2) in points, (2, 2) in points)
points.add((5, 5))
print(sorted(points)[-1])
