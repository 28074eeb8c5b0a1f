sales = [("vintage lamp", 85.0), ("book", 12.0), ("guitar", 640.0)]
fee_pct, fixed_fee, payment_pct = 0.065, 0.30, 0.03
for item, price in sales:
    fees = price * fee_pct + fixed_fee + price * payment_pct
    print(f"{item:<13}${price:>7.2f}  fees ${fees:>6.2f}  payout ${price - fees:>7.2f} ({fees / price:.1%})")
