s = "mississippi"
print(s.index("ss"), s.index("ss", 3), s.rindex("ss"))
print(s.count("s"), s.count("ss"), s.count("issi"), s.count("z"))
print(s.count(""), "aaaa".count("aa"))
print(s.count("i", 0, 5))
