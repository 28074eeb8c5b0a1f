print("value", "empty", ".3", ".1", ".0", "#", "#.3", "10.2")
for v in [0.0, 1.0, 12.0, 123.0, 99.99, 123456.0, 1e16, 1e-5, 0.1, 1 / 3, 1e300 * 10]:
    print(repr(v), format(v, ""), format(v, ".3"), format(v, ".1"), format(v, ".0"), format(v, "#"), format(v, "#.3"), format(v, "10.2"))
