bills = [23.5, 48.0, 112.37]
tips = (0.15, 0.18, 0.20)
header = "bill    " + "".join("%8s" % ("%d%%" % round(t * 100)) for t in tips)
print(header)
for b in bills:
    print("%-8.2f" % b + "".join("%8.2f" % (b * t) for t in tips))
print("-" * len(header))
