legs = [("Denver", "Moab", 354), ("Moab", "Page", 274), ("Page", "Las Vegas", 277)]
mpg = 28.5
price_per_gal = [3.89, 4.15, 4.49]
total = 0
for (a, b, miles), price in zip(legs, price_per_gal):
    gallons = miles / mpg
    cost = gallons * price
    total += cost
    print(f"{a:>7} -> {b:<10}{miles:>4} mi {gallons:5.1f} gal ${cost:6.2f}")
print(f"total ${total:.2f} for {sum(l[2] for l in legs)} miles")
