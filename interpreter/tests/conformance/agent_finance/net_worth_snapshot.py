assets = {"cash": 8200, "401k": 64000.5, "car": 12000}
liabilities = {"car loan": 9100, "credit card": 1350.25}
sum = 0
for name, value in assets.items():
    sum += value
liab = 0
for value in liabilities.values():
    liab += value
print("assets: %.2f liabilities: %.2f" % (sum, liab))
print("net worth: {:,.2f}".format(sum - liab))
print("debt ratio: {:.1%}".format(liab / sum))
