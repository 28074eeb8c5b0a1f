accrual_per_month = 1.25
taken = [("2024-02-12", 1), ("2024-05-20", 3), ("2024-07-01", 5), ("2024-08-15", 0.5)]
months_worked = 9
earned = accrual_per_month * months_worked
used = sum(d for _, d in taken)
print(f"earned {earned:g} days, used {used:g}, balance {earned - used:g}")
longest = max(taken, key=lambda t: t[1])
print("longest break starts %s (%g days)" % longest)
print("half days:", [d for d, n in taken if n % 1])
