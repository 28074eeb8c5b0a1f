prices_cents = [1999, 250, 5, 100000]
qty = [3, 4, 7, 1]
total = sum(p * q for p, q in zip(prices_cents, qty))
dollars, cents = divmod(total, 100)
print(f"total = {total} cents = ${dollars:,}.{cents:02d}")
tax = (total * 825 + 5000) // 10000
print(f"tax 8.25% = {tax // 100}.{tax % 100:02d}")
print("as float:", total / 100, round(total / 100 * 1.0825, 2))
