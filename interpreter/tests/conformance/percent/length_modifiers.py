print("%hd %ld %Ld" % (1, 2, 3))
print("%ls|%5hs|%lx" % ("a", "b", 255))
print("%lf %le" % (1.5, 1.5))
