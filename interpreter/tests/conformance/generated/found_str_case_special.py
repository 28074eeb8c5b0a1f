# Found by _difftest: case mappings that change a string's length.
print("ß".upper(), "ß".swapcase(), "ß".capitalize(), "ß".title(), "ß".casefold())
print("İi".lower(), len("İi".lower()), "ŉ".upper(), "ﬁx".upper(), "ﬁx".capitalize())
