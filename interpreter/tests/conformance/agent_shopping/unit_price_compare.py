options = [("Brand A 500g", 3.49), ("Brand B 1kg", 5.99), ("Brand C 750g", 4.25), ("Bulk 2.5kg", 13.5)]
def grams(label):
    qty = label.split()[-1]
    return float(qty[:-2]) * 1000 if qty.endswith("kg") else float(qty[:-1])
ranked = sorted(options, key=lambda o: o[1] / grams(o[0]))
for label, price in ranked:
    print(f"{label:<14}{price:>6.2f}  {price / grams(label) * 100:.3f}/100g")
