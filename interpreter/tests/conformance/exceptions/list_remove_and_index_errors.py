xs = [1, 2, 3]
try:
    xs.remove(9)
except ValueError as e:
    print("remove:", e)
try:
    xs.index(9)
except ValueError as e:
    print("index:", e)
try:
    "abc".index("z")
except ValueError as e:
    print("str index:", e)
