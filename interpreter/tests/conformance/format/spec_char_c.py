print(f"{65:c}{66:c}{0x263A:c}")
print(f"{65:05c}|{65:>4c}|{65:*<4c}|{65:^5c}")
for n in [-1, 0x110000, 2**70]:
    try:
        print(format(n, "c"))
    except OverflowError as e:
        print(e)
