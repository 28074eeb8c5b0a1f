def classify(xs):
    if not xs:
        return "empty"
    for x in xs:
        if x < 0:
            return "has negative"
    if len(xs) == 1:
        return "single"
    return "ok"
for case in [[], [1, -1], [5], [1, 2]]:
    print(case, classify(case))
