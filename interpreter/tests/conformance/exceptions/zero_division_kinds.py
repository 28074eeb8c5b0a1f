ops = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.5 / 0, lambda: divmod(3, 0)]
for i, op in enumerate(ops):
    try:
        op()
    except ZeroDivisionError:
        print(i, "ZeroDivisionError")
try:
    print(10 / 0.0)
except ArithmeticError as e:
    print("arithmetic", type(e))
