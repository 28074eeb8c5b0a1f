principal = 10000
rate = 0.045
years = 5
balance = principal
for year in range(1, years + 1):
    interest = balance * rate
    balance += interest
    print("year %d: interest %8.2f balance %10.2f" % (year, interest, balance))
print("growth: %.2f%%" % ((balance / principal - 1) * 100))
print("doubling years (rule of 72): %.1f" % (72 / (rate * 100)))
