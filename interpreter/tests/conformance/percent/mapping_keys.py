row = {"name": "Ada", "age": 36, "score": 91.256}
print("%(name)s is %(age)d" % row)
print("%(name)-8s|%(age)05d|%(score).1f" % row)
print("%(name)r %(name)s" % row)
print("%((x))s" % {"(x)": "paren"})
print("%(missing)s" % {"missing": None})
print("no fields" % row)
print("%s" % row)
print("%% %(age)d%%" % row)
