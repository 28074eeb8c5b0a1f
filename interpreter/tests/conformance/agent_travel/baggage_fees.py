bags = [("carry-on", 7), ("checked", 23.5), ("checked", 19), ("checked", 31)]
fees = []
checked_count = 0
for kind, kg in bags:
    fee = 0
    if kind == "checked":
        checked_count += 1
        fee = 35 if checked_count == 1 else 45
        if kg > 23:
            fee += 75 if kg <= 32 else 200
    elif kg > 10:
        fee = 50
    fees.append(fee)
    print(f"{kind:<9}{kg:>5.1f}kg  ${fee}")
print("total fees: $%d" % sum(fees))
