principal = 5000.0
annual = 0.06
months = 6
r = annual / 12
payment = principal * r / (1 - (1 + r) ** -months)
print(f"monthly payment: {payment:.2f}")
balance = principal
for m in range(1, months + 1):
    interest = balance * r
    balance -= payment - interest
    print(f"{m:>2} interest {interest:6.2f} principal {payment - interest:7.2f} left {abs(balance):8.2f}")
