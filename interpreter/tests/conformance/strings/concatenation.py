a = "foo"
b = "bar"
c = a + b
print(c, a + " " + b, len(c))
c += "!"
print(c)
parts = ""
for w in ["x", "y", "z"]:
    parts += w + ","
print(parts, parts[:-1])
