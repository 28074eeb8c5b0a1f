rows = [("alpha", 3.14159, 2), ("beta", 2.71828, 4), ("gamma", 1.41421, 1)]
width = max(len(r[0]) for r in rows) + 2
for name, value, prec in rows:
    print(f"{name:<{width}}{value:>{8}.{prec}f}|{value:^{width}.{prec}}|")
print(f"{'total':>{width + 8}}")
print(f"{0.000012345:.3g} {1234.5:.2e} {3.14159:.2} {100:.1%} {-0.0:+.1f} {7:>+4}")
