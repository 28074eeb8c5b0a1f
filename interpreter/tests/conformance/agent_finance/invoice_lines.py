items = [("Consulting", 12, 150.0), ("Travel", 1, 342.18), ("Software license", 3, 99.99)]
tax_rate = 0.0825
subtotal = 0
for desc, qty, price in items:
    line = qty * price
    subtotal += line
    print("{:<18}{:>4} x {:>8.2f} = {:>9.2f}".format(desc, qty, price, line))
tax = round(subtotal * tax_rate, 2)
print("{:>36} {:>9.2f}".format("Subtotal", subtotal))
print("{:>36} {:>9.2f}".format("Tax 8.25%", tax))
print("{:>36} {:>9.2f}".format("Total", subtotal + tax))
