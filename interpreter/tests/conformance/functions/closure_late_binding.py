funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
def make(i):
    return lambda: i
funcs2 = [make(i) for i in range(3)]
print([f() for f in funcs2])
