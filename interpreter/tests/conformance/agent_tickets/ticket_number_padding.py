numbers = [7, 42, 1234, 99999]
for n in numbers:
    print(str(n).zfill(6), f"{n:06d}", "TKT-" + format(n, ">6").replace(" ", "0"), f"{n:,}")
print("-".join(str(n).rjust(3, "0") for n in numbers[:2]))
