def risky(x):
    return 100 // x
results = []
for x in [5, 2, 0, 4]:
    try:
        results.append(risky(x))
    except ZeroDivisionError:
        print("got zero, results so far:", results)
        raise
