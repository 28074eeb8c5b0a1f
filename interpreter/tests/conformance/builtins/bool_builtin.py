print(bool(0.0), bool(-0.0), bool(0.000001))
print(bool(" "), bool("\n"), bool([[]]), bool({0: 0}))
print(bool(range(0)), bool(None), bool(-1))
print(True + bool("x"), bool(1) is True)
