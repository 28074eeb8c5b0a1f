print("{0} {1} {0}".format("x", "y"))
print("{1}{0}".format("a", "b"))
print("{2}-{1}-{0}".format(3, 2, 1))
print("{0}{0}{0}".format("ha"))
