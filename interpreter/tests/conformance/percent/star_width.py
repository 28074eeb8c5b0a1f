print("%*d|" % (5, 42))
print("%-*d|" % (5, 42))
print("%*d|" % (-5, 42))
print("%.*f|" % (2, 3.14159))
print("%*.*f|" % (8, 3, 3.14159))
print("%.*f|" % (-3, 1.5))
print("%.*s|" % (2, "abcdef"))
print("%*s|" % (True, "x"))
for args in [("a", 1), (1.5, 1), (3,)]:
    try:
        print("%*d" % args)
    except TypeError as e:
        print(e)
