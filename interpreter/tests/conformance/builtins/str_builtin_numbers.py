print(str(100), str(-100), str(2 ** 100))
print(str(0.1), str(1.0), str(1.5e-7), str(12345678912345.678))
print(str(float("inf")), str(float("nan")), str(-float("inf")))
print(str(1e15), str(1e16), str(123e-20))
