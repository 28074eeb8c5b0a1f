values = [0.1 + 0.2, 1e16, 1e-5, 2.0, 1 / 3]
for v in values:
    print("{} | {:.3} | {:g}".format(v, v, v))
