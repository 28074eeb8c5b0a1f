spending = [("EUR", 120.0), ("EUR", 45.5), ("CHF", 80.0), ("EUR", 12.0), ("CHF", 22.5)]
rates_to_usd = {"EUR": 1.085, "CHF": 1.12}
by_cur = {}
for cur, amt in spending:
    by_cur[cur] = by_cur.get(cur, 0) + amt
total_usd = 0
for cur, amt in by_cur.items():
    usd = amt * rates_to_usd[cur]
    total_usd += usd
    print("%s %7.2f = USD %7.2f" % (cur, amt, usd))
print("USD total %.2f" % total_usd)
