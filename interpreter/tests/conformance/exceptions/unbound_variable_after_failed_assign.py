result = "unset"
try:
    result = int("bad")
except ValueError:
    pass
print(result)
try:
    value = [1, 2][5]
except IndexError:
    value = "default"
print(value)
