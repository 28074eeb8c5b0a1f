# max/min refuse a default with several positional arguments; symmetric_difference takes one set.
data = {"x": [1, 2, 3], "z": []}
for call in [lambda: max(1, 2, default=0), lambda: min([1], [2], default=None), lambda: max([], default=7),
             lambda: min(3, 1, 2, key=lambda v: -v), lambda: {255, 2}.symmetric_difference([9], (7,)),
             lambda: {1}.symmetric_difference(), lambda: {1, 2}.union([3], (4,)), lambda: {1, 2}.difference()]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
s = {1, 2}
for args in [([2, 3],), (), ([1], [2])]:
    try:
        s.symmetric_difference_update(*args)
        print(sorted(s))
    except TypeError as e:
        print("TypeError:", e)
