visits = {"google": 5400, "twitter": 1200, "newsletter": 800, "direct": 2600}
orders = {"google": 162, "twitter": 12, "newsletter": 40, "direct": 91}
rows = sorted(((src, orders[src] / visits[src]) for src in visits), key=lambda r: r[1], reverse=True)
for src, rate in rows:
    print("%-11s %5.2f%%" % (src, rate * 100))
best, worst = rows[0][0], rows[-1][0]
print("best %s, worst %s, spread %.1fx" % (best, worst, rows[0][1] / rows[-1][1]))
