items = [3, "3", None, 2.5]
try:
    print(sorted(items))
except TypeError as e:
    print(e)
try:
    print(None < 1)
except TypeError as e:
    print(e)
try:
    print([1] < (1,))
except TypeError as e:
    print(e)
print(1 < 2.5, "a" < "b", (1, "a") < (1, "b"), [1, 2] < [1, 3])
