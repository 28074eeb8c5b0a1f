total = 187.40
people = ["ana", "ben", "cy"]
tip = 0.18
with_tip = round(total * (1 + tip), 2)
cents = round(with_tip * 100)
share, remainder = divmod(cents, len(people))
for i, p in enumerate(people):
    owe = share + (1 if i < remainder else 0)
    print(f"{p}: ${owe / 100:.2f}")
print(f"total with tip: ${with_tip:.2f}")
