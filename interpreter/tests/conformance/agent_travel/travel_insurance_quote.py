base = 42.0
travelers = [("ana", 34), ("ben", 67), ("cy", 8)]
trip_days = 10
def factor(age):
    if age < 18:
        return 0.5
    if age >= 65:
        return 2.2
    return 1.0
total = 0
for name, age in travelers:
    premium = base * factor(age) * (1 + max(0, trip_days - 7) * 0.05)
    total += premium
    print(f"{name:<4}age {age:>2}  ${premium:6.2f}")
print(f"family total ${total:.2f}" + (" (10% discount applied)" if len(travelers) >= 3 else ""))
print(f"payable ${total * (0.9 if len(travelers) >= 3 else 1):.2f}")
