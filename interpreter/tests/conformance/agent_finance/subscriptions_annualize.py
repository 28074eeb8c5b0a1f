subs = [("Netflix", 15.49, "monthly"), ("Domain", 12.0, "yearly"), ("Gym", 9.5, "weekly"), ("Cloud", 2.99, "monthly")]
factor = {"weekly": 52, "monthly": 12, "yearly": 1}
annual = [(name, price * factor[period]) for name, price, period in subs]
for name, yearly in sorted(annual, key=lambda x: -x[1]):
    print("%-8s %8.2f/yr %7.2f/mo" % (name, yearly, yearly / 12))
print("total/yr: %.2f" % sum(y for _, y in annual))
