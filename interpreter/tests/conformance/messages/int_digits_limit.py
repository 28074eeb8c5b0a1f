n = 10 ** 4299
print(len(str(n)), len(repr(-n)))
for text in ["1" * 4300, "1" * 4301, "-" + "2" * 4301, "1_" * 2200 + "1"]:
    try:
        print(len(str(int(text))))
    except ValueError as e:
        print(e)
try:
    print(str(10 ** 4300))
except ValueError as e:
    print(e)
