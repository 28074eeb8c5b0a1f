n = 0
seen = []
while True:
    n += 1
    if n % 2 == 0:
        continue
    if n > 9:
        break
    seen.append(n)
print(seen, n)
