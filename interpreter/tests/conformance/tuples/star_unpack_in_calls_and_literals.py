def add3(a, b, c):
    return a + b + c
args = (1, 2, 3)
print(add3(*args))
print(add3(*[10], *(20, 30)))
combined = [*args, 4, *"ab"]
print(combined)
print((*args, *args))
