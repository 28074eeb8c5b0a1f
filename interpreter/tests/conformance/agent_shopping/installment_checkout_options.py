price = 1199.0
options = [(1, 0.0), (3, 0.0), (6, 0.05), (12, 0.1)]
for months, apr in options:
    total = price * (1 + apr * months / 12)
    print(f"{months:>2} x {total / months:8.2f} = {total:8.2f}{'  interest-free' if apr == 0 else f'  +{total - price:.2f}'}")
