t = (1, 2)
print("%s" % (t,))
print("%s and %s" % t)
try:
    print("%s" % t)
except TypeError as e:
    print(e)
print("%s" % [t])
print("%r" % ((),))
print("" % ())
