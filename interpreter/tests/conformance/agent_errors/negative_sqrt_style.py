def compound(rate, years):
    if rate <= -1:
        raise ValueError("rate must be > -100%%, got %.0f%%" % (rate * 100))
    return (1 + rate) ** years
for r in (0.05, 0.1, -1.5):
    print("%.2f -> %.4f" % (r, compound(r, 3)))
