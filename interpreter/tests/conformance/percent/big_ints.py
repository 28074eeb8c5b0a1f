big = 2 ** 200
print("%d" % big)
print("%x" % big)
print("%o" % -big)
print("%.70d" % 12)
print("%s" % (10 ** 50))
try:
    print("%d" % (10 ** 5000))
except ValueError as e:
    print(e)
try:
    print("%f" % (10 ** 400))
except OverflowError as e:
    print(e)
