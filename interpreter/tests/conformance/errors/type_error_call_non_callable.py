x = 5
print("calling", x)
x()
