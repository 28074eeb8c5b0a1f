def show(**opts):
    for k, v in opts.items():
        print(k, "=", v)
    return len(opts)
print(show(a=1, b="two"))
print(show())
print(show(**{"x": None, "y": [1]}))
