print(f"{3:%}|{3:.1%}|{3:.2e}|{-3:G}|{7:f}|{7:.3g}")
try:
    print(format(10**400, "e"))
except OverflowError as e:
    print(e)
print(len(format(10**400, "")), len(format(10**400, ",")))
