purchases = [("EUR", 250.0), ("GBP", 80.0), ("USD", 40.0), ("MXN", 1500.0)]
rates = dict(EUR=1.09, GBP=1.26, USD=1.0, MXN=0.058)
fee_pct = 0.03
rows = []
for cur, amt in purchases:
    base = amt * rates[cur]
    fee = 0 if cur == "USD" else base * fee_pct
    rows.append((cur, amt, base, fee))
for cur, amt, base, fee in rows:
    print("%s %9.2f -> %8.2f + fee %5.2f" % (cur, amt, base, fee))
fees = [r[3] for r in rows]
print("fees total %.2f, avoidable %d" % (sum(fees), sum(1 for f in fees if f)))
