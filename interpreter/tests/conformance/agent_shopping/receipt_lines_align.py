items = [("Organic bananas", 1.99, 3), ("Sourdough loaf", 5.49, 1), ("Oat milk 1L", 3.25, 2)]
width = 32
print("STORE RECEIPT".center(width, "="))
for name, price, qty in items:
    left = f"{name[:18]} x{qty}"
    right = f"{price * qty:.2f}"
    print(left + right.rjust(width - len(left)))
total = sum(p * q for _, p, q in items)
print("-" * width)
print("TOTAL".ljust(width - 8) + f"{total:8.2f}")
