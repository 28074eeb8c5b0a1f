d = {1: "int", 1.0: "float", True: "bool"}
print(d, len(d))
e = {}
e[True] = "a"
e[1] = "b"
e[1.0] = "c"
print(e)
print({0: "z", False: "f", 0.0: "x"})
print(e[True], e[1.0], 1 in {True: 0})
