print("→ %s ← %d ✓" % ("é", 7))
print("%5s|%-5s|" % ("ñ", "日本"))
try:
    print("ü %z" % (1,))
except ValueError as e:
    print(e)
try:
    print("日本語 %" % ())
except ValueError as e:
    print(e)
