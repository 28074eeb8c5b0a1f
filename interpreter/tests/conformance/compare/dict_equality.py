a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, a != b)
c = dict(a)
c["z"] = 3
print(a == c, len(c))
print({"k": [1, 2]} == {"k": [1, 2]}, {"k": [1]} == {"k": [2]})
