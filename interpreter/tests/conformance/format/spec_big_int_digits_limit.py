n = 10 ** 4299
print(len(str(n)), len(f"{n}"), len(format(n, ",")))
for v in [10 ** 4300, -10 ** 4300]:
    for f in [str, repr]:
        try:
            print(len(f(v)))
        except ValueError as e:
            print(e)
try:
    print(len(f"{10 ** 4300:x}"), len(hex(10 ** 4300)))
    print(f"{10 ** 4300:d}")
except ValueError as e:
    print(e)
