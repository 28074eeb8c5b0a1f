x = 123456.789
print(f"{x:e}")
print(f"{x:.2e}")
print(f"{x:E}")
print(f"{0.000123:.1e}")
print(f"{1:e} {0:.3e}")
print(f"{-1.5e-10:.2e}")
print(f"{1e100:.0e}")
