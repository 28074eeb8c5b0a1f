daily = [0, 12, 40, 0, 0, 5, 8, 9, 0, 30]
best = cur = 0
start = best_start = 0
for i, amt in enumerate(daily):
    if amt > 0:
        if cur == 0:
            start = i
        cur += 1
        if cur > best:
            best, best_start = cur, start
    else:
        cur = 0
print("longest spending streak: %d days from day %d" % (best, best_start))
print("no-spend days:", [i for i, a in enumerate(daily) if a == 0])
