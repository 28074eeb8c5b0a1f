readings = ["1.5", "2.25", "one point five"]
for r in readings:
    print(float(r) * 2)
