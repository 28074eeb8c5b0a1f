def installments(total, n, first_date="2024-01"):
    year, month = map(int, first_date.split("-"))
    base = round(total / n, 2)
    plan = []
    for i in range(n):
        amount = base if i < n - 1 else round(total - base * (n - 1), 2)
        plan.append(("%d-%02d" % (year, month), amount))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return plan
for date, amt in installments(1000, 3, "2024-11"):
    print(date, "%.2f" % amt)
print(sum(a for _, a in installments(99.99, 7)))
