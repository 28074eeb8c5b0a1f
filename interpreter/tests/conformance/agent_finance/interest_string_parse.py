offers = ["Bank A: 4.35% APY", "Bank B: 4.5 % APY", "Credit Union: 3.9%", "Bank C: n/a"]
rates = {}
for o in offers:
    name, _, rest = o.partition(":")
    token = rest.split("%")[0].strip()
    try:
        rates[name] = float(token)
    except ValueError:
        print("cannot parse rate for", name)
best = max(rates, key=rates.get)
print("best: %s at %.2f%%" % (best, rates[best]))
print("on $10,000 for a year: $%.2f" % (10000 * rates[best] / 100))
