# A tight loop of 10^6 iterations: integer arithmetic and conditionals.
total = 0
evens = 0
x = 7
for i in range(1000000):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    if x % 3 == 0:
        total += x >> 10
    elif i & 1:
        total -= i
    else:
        evens += 1
    if total > 1000000000:
        total -= 999999937
print(f"total={total} evens={evens} x={x}")
