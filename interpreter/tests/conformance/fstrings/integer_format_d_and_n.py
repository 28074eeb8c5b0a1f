numbers = [0, 7, -7, 1000000]
for n in numbers:
    print(f"|{n:d}|{n:6d}|{n:<6d}|{n:^7d}|{n:+d}|")
