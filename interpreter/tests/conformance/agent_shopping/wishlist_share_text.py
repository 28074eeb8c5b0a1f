wishlist = [("Noise-cancelling headphones", 249.99, "high"), ("Coffee grinder", 89.0, "medium"), ("Desk plant", 19.5, "low")]
lines = ["My wishlist:"]
for name, price, prio in wishlist:
    marker = {"high": "!!!", "medium": "!!", "low": "!"}[prio]
    lines.append(f"  {marker:<3} {name} - ${price:,.2f}")
lines.append(f"  total ${sum(p for _, p, _ in wishlist):,.2f}")
print("\n".join(lines))
