def describe(n):
    if n > 0:
        if n % 2 == 0:
            return "positive even"
        else:
            return "positive odd"
    else:
        if n == 0:
            return "zero"
        return "negative"
for n in [4, 3, 0, -1]:
    print(n, describe(n))
