class BadAmount(Exception):
    pass
def parse(s):
    try:
        return float(s.replace("$", "").replace(",", ""))
    except ValueError as e:
        raise BadAmount("cannot parse %r" % s) from e
total = 0
for raw in ["$12.50", "$1,000", "twelve"]:
    total += parse(raw)
    print("running total", total)
