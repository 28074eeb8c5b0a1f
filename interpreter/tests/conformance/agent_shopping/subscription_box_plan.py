plans = {"monthly": (29.0, 1), "quarterly": (79.0, 3), "annual": (299.0, 12)}
for name, (price, months) in plans.items():
    per_month = price / months
    saving = 1 - per_month / plans["monthly"][0]
    print(f"{name:<9} ${price:>6.2f} = ${per_month:5.2f}/mo  saves {saving:5.1%}")
best = min(plans, key=lambda p: plans[p][0] / plans[p][1])
print("cheapest per month:", best)
