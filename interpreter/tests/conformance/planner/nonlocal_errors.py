def tally(items):
    total = 0
    errors = []
    def add(v):
        nonlocal total
        try:
            total += float(v)
        except ValueError as e:
            errors.append(str(e))
    for v in items:
        add(v)
    return total, errors
print(tally(["1.5", "x", "2"]))
