txns = [("food", "Pizza", 18), ("food", "Sushi", 42), ("transport", "Taxi", 35), ("transport", "Bus", 2.5), ("food", "Bagel", 4)]
best = {}
for cat, name, amt in txns:
    if cat not in best or amt > best[cat][1]:
        best[cat] = (name, amt)
for cat, (name, amt) in sorted(best.items()):
    print("%s: %s (%g)" % (cat, name, amt))
print(max(txns, key=lambda t: t[2]))
print(min(txns, key=lambda t: t[2])[1])
