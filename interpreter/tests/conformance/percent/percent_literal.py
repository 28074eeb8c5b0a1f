print("100%%" % ())
print("%d%% of %d%%" % (5, 10))
print("%%s" % ())
print("%%%s%%" % "x")
try:
    print("%%%" % ())
except ValueError as e:
    print(e)
