goal = 12000
saved = 3150.75
monthly = 650
months = 0
balance = saved
while balance < goal:
    balance += monthly
    months += 1
years, rem = divmod(months, 12)
print(f"reach ${goal:,} in {months} months ({years}y {rem}m)")
print(f"final balance ${balance:,.2f}, surplus ${balance - goal:,.2f}")
