codes = ["ff", "1a", "zz"]
for c in codes:
    print(c, "->", int(c, 16))
