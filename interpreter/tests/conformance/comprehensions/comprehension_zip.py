names = ["a", "b", "c"]
ages = [30, 20, 40]
print([f"{n}={a}" for n, a in zip(names, ages)])
print({n: a for n, a in zip(names, ages) if a > 25})
print([x * y for x, y in zip(range(5), range(5, 10))])
