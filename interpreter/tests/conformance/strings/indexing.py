s = "conformance"
print(s[0], s[-1], s[3], s[-4])
print(s[len(s) - 1])
for i in [0, 2, 4]:
    print(i, s[i])
print("x"[0], "xy"[-2])
