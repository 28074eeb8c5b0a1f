quotes = [("Hertz", 45.0, 0.0, 25), ("Budget", 32.0, 18.0, 25), ("Sixt", 38.5, 0.0, 0), ("Local", 29.0, 35.0, 10)]
days = 4
for company, daily, fees, insurance_per_day in quotes:
    total = days * (daily + insurance_per_day) + fees
    print("%-7s %3d days x (%5.2f + %2d) + %5.2f = %7.2f" % (company, days, daily, insurance_per_day, fees, total))
best = min(quotes, key=lambda q: days * (q[1] + q[3]) + q[2])
print("cheapest:", best[0])
