cases = [("total: ", 5), (5, "3"), ([1], (2,)), (None, 1), (2.5, "x"), ({"a": 1}, {"b": 2})]
for a, b in cases:
    try:
        print(a + b)
    except TypeError as e:
        print("TypeError:", e)
