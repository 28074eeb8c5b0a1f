stats = [("passed", 45), ("failed", 3), ("skipped", 2)]
total = sum(n for _, n in stats)
for label, n in stats:
    print("{:<8} {:>3} {:>7.1%}".format(label, n, n / total))
print("{:<8} {:>3}".format("total", total))
