width = 12
prec = 3
v = 2.718281828
print(f"[{v:{width}.{prec}f}]")
print(f"[{'txt':>{width}}]")
print(f"[{'txt':{'*'}^{width}}]")
for w in [4, 6, 8]:
    print(f"[{w:>{w}}]")
