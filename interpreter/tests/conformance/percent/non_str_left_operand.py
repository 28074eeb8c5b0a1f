print(17 % 5, -17 % 5, 17 % -5)
print(7.5 % 2, -7.5 % 2)
print(True % 2)
try:
    print(5 % "x")
except TypeError as e:
    print(e)
try:
    print([1] % 2)
except TypeError as e:
    print(e)
