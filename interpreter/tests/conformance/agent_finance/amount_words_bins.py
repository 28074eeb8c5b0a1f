amounts = {"coffee": 4.5, "laptop": 1899, "rent": 1450, "book": 22.99, "flight": 612.4}
def describe(v):
    if v < 10:
        return "pocket change"
    elif v < 100:
        return "small"
    elif v < 1000:
        return "notable"
    return "major"
for item, v in sorted(amounts.items(), key=lambda kv: kv[1]):
    print("%-7s %9s  %s" % (item, format(v, ",.2f"), describe(v)))
