items = [5, "s", [1], None]
for it in items:
    try:
        it.nonexistent()
    except AttributeError as e:
        print(e)
try:
    (1).append(2)
except AttributeError:
    print("ints have no append")
