price = 1234.5
print(f"${price:,.2f}")
print(f"{price:>12,.1f}|")
print(f"{-price:,.0f}")
print(f"{12:+,}")
print(f"{0.5:.1%} of {3:,d} items")
