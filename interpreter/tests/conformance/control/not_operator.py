print(not True, not False, not 0, not 1, not "", not "a")
print(not [], not [0], not None, not {}, not 0.0)
print(not not 5, not (1 == 2))
x = None
if not x:
    print("x is falsy")
