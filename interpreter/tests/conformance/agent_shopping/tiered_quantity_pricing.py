tiers = [(1, 10.0), (10, 9.0), (50, 8.25), (100, 7.5)]
for qty in (1, 9, 10, 75, 250):
    unit = [p for q, p in tiers if qty >= q][-1]
    total = unit * qty
    print(f"qty {qty:>3}: {unit:.2f}/unit = {total:>8.2f}")
