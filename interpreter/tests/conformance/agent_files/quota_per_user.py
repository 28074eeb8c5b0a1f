usage = [("ana", 4.2), ("ben", 9.9), ("ana", 3.1), ("cy", 0.4), ("ben", 0.5)]
quota = {"ana": 10, "ben": 10, "cy": 5}
totals = {}
for user, gb in usage:
    totals[user] = round(totals.get(user, 0) + gb, 2)
for user in sorted(totals):
    used, q = totals[user], quota[user]
    bar = "#" * int(used / q * 10)
    print(f"{user:<4}{used:>5.1f}/{q:<3}[{bar:<10}]{' FULL' if used >= q else ''}")
