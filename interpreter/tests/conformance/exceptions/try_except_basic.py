try:
    x = 1 / 0
    print("not reached")
except ZeroDivisionError:
    print("caught division")
print("after")
try:
    print("no error here")
except ZeroDivisionError:
    print("not reached")
