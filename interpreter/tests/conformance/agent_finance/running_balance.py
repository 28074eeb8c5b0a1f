start = 1500.00
ledger = [("2024-06-01", "Salary", 3200), ("2024-06-02", "Rent", -1400), ("2024-06-05", "Coffee", -4.5), ("2024-06-09", "Refund", 27.99)]
balance = start
print("%-10s %-8s %9s %10s" % ("date", "memo", "amount", "balance"))
for date, memo, amt in ledger:
    balance += amt
    print("%-10s %-8s %+9.2f %10.2f" % (date, memo, amt, balance))
lowest = min(start, *[start + sum(a for _, _, a in ledger[:i + 1]) for i in range(len(ledger))])
print("lowest balance: %.2f" % lowest)
