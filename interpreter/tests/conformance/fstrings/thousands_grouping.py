n = 1234567890
print(f"{n:,}")
print(f"{n:_}")
print(f"{-n:,}")
print(f"{1234.5678:,.2f}")
print(f"{999:,} {1000:,}")
print(f"{0x12345678:_x}")
print(f"{n:>20,}")
