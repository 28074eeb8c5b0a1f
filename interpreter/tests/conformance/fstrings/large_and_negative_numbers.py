big = 2 ** 70
print(f"{big} {big:,} {big:x}")
print(f"{-big:_}")
print(f"{big:e}")
print(f"{10 ** 20:.2e} {float(2 ** 70):.0f}")
