totals = []
running = 0
for n in [5, 3, -2, 10]:
    running += n
    totals.append(running)
print(totals)
evens, odds = [], []
for n in range(10):
    (evens if n % 2 == 0 else odds).append(n)
print(evens, odds)
