# Found by _difftest: zero padding together with a thousands separator.
print(f"{-1:010,}", f"{1234567:012,}", f"{1234.5:010,.1f}", f"{-12345:09_}")
print(format(1234567.891, "015,.2f"), format(5, "08,"))
print(f"{1234567.891:,.2f}= {0.5:.0f}")
