# Messages of + and * between sequences and other types; reverse= must be an integer.
cases = [("total: ", 5), ([1], (2,)), ((1,), [2]), ("a", None), (None, "a"), (5, "3"), ({"a": 1}, {"b": 2})]
for a, b in cases:
    try:
        print(a + b)
    except TypeError as e:
        print("TypeError:", e)
for a, b in [("ab", 2.0), (2.0, "ab"), ([1], [2]), ("a", "b"), ((1,), None), ("x", 3)]:
    try:
        print(a * b)
    except TypeError as e:
        print("TypeError:", e)
for reverse in [None, "yes", 1.5, 2, 0, True]:
    try:
        print(sorted([3, 1, 2], reverse=reverse))
        xs = [5, 4, 6]
        xs.sort(reverse=reverse)
        print(xs)
    except TypeError as e:
        print("TypeError:", e)
