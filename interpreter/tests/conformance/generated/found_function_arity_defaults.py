# Found by _difftest: calling a function with defaults with too many positional arguments.
def bucket(value, factor=2):
    return value * factor
for args in [(1, 2, 3), (), (1, 2, 3, 4)]:
    try:
        print(bucket(*args))
    except TypeError as e:
        print(e)
