brackets = [(10000, 0.0), (30000, 0.1), (70000, 0.2), (None, 0.35)]
def tax_for(income):
    tax, lower = 0.0, 0
    for upper, rate in brackets:
        top = income if upper is None else min(income, upper)
        if top > lower:
            tax += (top - lower) * rate
        if upper is None or income <= upper:
            break
        lower = upper
    return tax
for income in (8000, 25000, 70000, 120000):
    t = tax_for(income)
    print("%7d -> tax %9.2f effective %5.2f%%" % (income, t, 100 * t / income))
