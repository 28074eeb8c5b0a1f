n = 0
while n < 3:
    print("n =", n)
    n += 1
else:
    print("loop finished normally")
while True:
    n -= 1
    if n == 1:
        break
else:
    print("never printed")
print("n ends at", n)
