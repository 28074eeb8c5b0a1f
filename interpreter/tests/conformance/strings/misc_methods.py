s = "Mixed Case Words Here"
print(s.split(" ", 1))
print([w[0] for w in s.split()])
print(s.lower().count("e"), s.index("Case"))
print(s.rjust(25, "_"))
print(s.ljust(25, "_") + "|")
