rates = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "JPY": 0.0064}
txns = [(120, "EUR"), (3500, "JPY"), (45.5, "USD"), (80, "GBP"), (10, "CHF")]
total_usd = 0.0
for amount, cur in txns:
    rate = rates.get(cur)
    if rate is None:
        print("skip %s %s: unknown currency" % (amount, cur))
        continue
    usd = round(amount * rate, 2)
    total_usd += usd
    print("%8.2f %s = %8.2f USD" % (amount, cur, usd))
print("total: %.2f USD" % total_usd)
