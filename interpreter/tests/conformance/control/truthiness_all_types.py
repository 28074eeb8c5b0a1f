values = [0, 1, -1, 0.0, 0.1, "", "0", " ", [], [0], (), (None,), {}, {"a": 0}, set(), {0}, None, True, False]
for v in values:
    print(repr(v), bool(v))
print(bool(range(0)), bool(range(1)), bool(range(5, 1)))
