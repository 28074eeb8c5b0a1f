x = "outer"
vals = [x for x in range(3)]
print(vals, x)
ys = [x + str(i) for i in range(2)]
print(ys)
n = 10
print([n * i for i in range(3)])
