def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif 0 < n <= 10:
        return "small"
    return "large"
for v in [-5, 0, 3, 10, 11, 2.5]:
    print(v, classify(v))
