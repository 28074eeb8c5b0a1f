x = 10
print("x is", x)
print("about to use y")
print(y)
print("never printed")
