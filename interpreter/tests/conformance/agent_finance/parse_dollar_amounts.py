raw = ["$1,234.50", "$99", "-$45.10", "$0.99", "($12.00)", "1,000"]
def parse_amount(s):
    s = s.strip()
    negative = s.startswith("-") or (s.startswith("(") and s.endswith(")"))
    s = s.strip("-()").lstrip("$").replace(",", "")
    value = float(s)
    return -value if negative else value
values = [parse_amount(r) for r in raw]
for r, v in zip(raw, values):
    print("%10s -> %9.2f" % (r, v))
print("net: %.2f" % sum(values))
