counts = {"P1": 2, "P2": 11, "P3": 37, "P4": 104}
total = sum(counts.values())
for p, n in counts.items():
    print("{:<3}{:>5}{:>8.1%}  {}".format(p, n, n / total, "#" * (n * 40 // total)))
print("{:<3}{:>5}".format("all", total))
