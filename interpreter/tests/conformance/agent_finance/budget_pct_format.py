spent, budget = 3456.789, 5000
print("%.1f%% of budget used" % (100 * spent / budget))
print("{:.1%} of budget used".format(spent / budget))
print(f"{spent:,.2f} / {budget:,}")
print("%(s).2f of %(b)d" % {"s": spent, "b": budget})
print("%10.3f|%-10.1f|%+d" % (spent, spent, budget))
